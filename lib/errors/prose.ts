import type { ErrorCode } from './summary';

/**
 * The long half of the catalog for errors: what only the docs pages, search, the API and the CLI need. Keyed by code
 * like ./summary.ts, so a code without its prose, or prose for no code, is a compile error. The warnings' prose is in
 * ./warnings.ts.
 */

export interface ErrorProse {
  /** Other wordings users paste for the same problem (library error texts, e.g. jose's '"exp" claim timestamp check failed'). Used by search. May be empty. */
  readonly aliases: readonly string[];
  /** One short paragraph, plain words: why this happens. */
  readonly cause: string;
  /** Ordered fix steps, each one sentence or two, imperative. 2–5 steps. */
  readonly fix: readonly string[];
  readonly related: readonly ErrorCode[];
}

export const ERROR_PROSE: { readonly [C in ErrorCode]: ErrorProse } = {
  TOKEN_NOT_ENOUGH_PARTS: {
    aliases: ['Invalid Compact JWS', 'JWSInvalid: Invalid Compact JWS', 'Not enough segments'],
    cause:
      'An identity token must be a compact JWS: a header, a payload and a signature, each encoded and joined by two dots. The value the service received had fewer than three of these parts, so it could not even be split apart. This usually means the token was cut short, arrived empty, or something other than the token (an error page, an object, a placeholder) was handed to the editor.',
    fix: [
      'Log the exact string your token provider returns to the editor and count its dots; a valid token has exactly two.',
      'Make sure rtc_token_provider resolves to an object whose token field holds the token string itself, not the whole response body, an HTML error page or undefined.',
      'Check that nothing truncates the value on the way, such as a cookie size limit, a database column that is too short, or a copy that lost the end of the line.',
    ],
    related: ['TOKEN_TOO_MANY_PARTS', 'TOKEN_PART_NOT_BASE64'],
  },
  TOKEN_TOO_MANY_PARTS: {
    aliases: ['Only JWTs using Compact JWS serialization can be decoded'],
    cause:
      'The token contains more than two dots, so it is not a three-part compact JWS. Five parts almost always means the token was encrypted as a JWE instead of being signed; RTC needs a signed token it can verify with your public key, not one it would have to decrypt. Other counts usually come from two tokens glued together or extra text appended to the token.',
    fix: [
      'Decode the first part: if its header has an "enc" member, your library produced an encrypted JWE, so switch to its signing API (for example SignJWT in jose instead of EncryptJWT).',
      'If the header has no "enc", look for two tokens joined together or extra text such as a trailing URL or log prefix, and pass only one token.',
      'Sign the token with your RSA private key, using RS256 unless you have a reason to pick another algorithm the service accepts, and return that three-part string.',
    ],
    related: ['TOKEN_NOT_ENOUGH_PARTS', 'TOKEN_UNSUPPORTED_ALG'],
  },
  TOKEN_PART_NOT_BASE64: {
    aliases: [
      'Failed to base64url decode the payload',
      'Failed to base64url decode the signature',
      'Invalid header padding',
      'Invalid payload padding',
      'Invalid crypto padding',
    ],
    cause:
      'Each of the three parts must use the URL-safe base64 alphabet (letters, digits, "-" and "_") with no "=" padding and no whitespace. One part contained another character, which happens when a token is built by hand with standard base64, when padding is left on, or when the token picks up spaces, line breaks, quotes or URL escapes on its way to the editor.',
    fix: [
      'Find the part and offset named in the report and look at the character there: "+", "/", "=", a space, a newline, a quote or a "%" escape are the usual culprits.',
      'If you assemble tokens yourself, encode with base64url and strip the padding, or better, let a JWT library build the whole token.',
      'Trim the token before passing it to the editor and make sure it is not URL-encoded or wrapped in quotes by your transport.',
    ],
    related: ['TOKEN_PART_NOT_JSON', 'TOKEN_NOT_ENOUGH_PARTS'],
  },
  TOKEN_PART_NOT_JSON: {
    aliases: [
      'Failed to parse the decoded payload as JSON',
      'JWT Claims Set must be a top-level JSON object',
      'Invalid JWT Claims Set',
      'Invalid header string: must be a json object',
      'Invalid payload string: must be a json object',
    ],
    cause:
      'The header or the payload decoded to bytes that are not a JSON object. Either the text is not JSON at all (single quotes, trailing commas, a plain string) or it is valid JSON of the wrong kind, such as an array or a number. Hand-built tokens and payloads that were serialised twice are the common sources.',
    fix: [
      'Decode the part named in the report and read it: it must start with an opening brace and be a single JSON object.',
      'If the decoded text is a quoted string containing JSON, the object was serialised twice; pass the object itself to your JWT library.',
      'Build tokens with a JWT library rather than concatenating strings, so that header and claims are always encoded as objects.',
    ],
    related: ['TOKEN_PART_NOT_BASE64', 'TOKEN_HEADER_NO_ALG', 'TOKEN_MISSING_CLAIMS'],
  },
  TOKEN_HEADER_NO_ALG: {
    aliases: ['JWS "alg" (Algorithm) Header Parameter missing or invalid', 'Algorithm not specified'],
    cause:
      'The token header must name its signing algorithm in an "alg" member whose value is a string. Without it the service cannot know how the signature was made and does not guess. Libraries always write it, so this points to a header that was built or edited by hand, or an "alg" given as something other than a string.',
    fix: [
      'Decode the header and confirm it contains "alg" with a string value such as "RS256".',
      'Create the token with a JWT library and set the algorithm in the protected header, for example by calling setProtectedHeader with alg set to "RS256" on a SignJWT in jose.',
      'Use one of the algorithms the service accepts: RS256 (recommended), RS384, RS512, PS256, PS384 or PS512.',
    ],
    related: ['TOKEN_UNSUPPORTED_ALG', 'TOKEN_PART_NOT_JSON'],
  },
  TOKEN_UNSUPPORTED_ALG: {
    aliases: [
      '"alg" (Algorithm) Header Parameter value not allowed',
      'JOSEAlgNotAllowed',
      'ERR_JOSE_ALG_NOT_ALLOWED',
      'Unsupported "alg" value for a JSON Web Key Set',
      'The specified alg value is not allowed',
      'invalid algorithm',
    ],
    cause:
      'The service only accepts tokens signed with an asymmetric algorithm from its own list, RS256, RS384, RS512, PS256, PS384 and PS512: your RSA private key makes the signature and the public key stored with your account can only check it. HMAC algorithms (HS256, HS384, HS512) rely on a shared secret and "none" has no signature at all, so both are refused, as is any name outside the list or written in the wrong case. ES256, ES384 and ES512 are asymmetric too, but they are not in the service\'s list, so RTC Doctor refuses them unless a deployment widened the accepted set.',
    fix: [
      'Read the "alg" value from the token header and compare it, including letter case, with the accepted list: RS256, RS384, RS512, PS256, PS384 and PS512.',
      'If you sign with a shared secret or an EC key, which the service refuses, generate an RSA key pair of 2048 bits or more, sign with the private key using RS256 and add the public key to your account.',
      'Set the algorithm explicitly when signing so that library defaults, which are often HS256, do not apply.',
      'If this RTC Doctor checks tokens for a service that does take ES algorithms, widen the accepted set with RTC_DOCTOR_ALGORITHMS, --algorithms or the "algorithms" field instead of ignoring the error.',
    ],
    related: ['TOKEN_HEADER_NO_ALG', 'KEY_SYMMETRIC', 'JWKS_UNAVAILABLE'],
  },
  TOKEN_MISSING_CLAIMS: {
    aliases: [
      'missing required "sub" claim',
      'missing required "exp" claim',
      'Token is missing the "sub" claim',
      'Token is missing the "exp" claim',
    ],
    cause:
      'RTC needs two claims in every identity token: "sub", which identifies the user, and "exp", the time after which the token stops being accepted. At least one of them is absent from the payload. Claims are case-sensitive, so "Sub" or "EXP" count as missing too.',
    fix: [
      'Decode the payload and check which of "sub" and "exp" the report lists as missing.',
      'Set "sub" to a stable, non-empty identifier for the signed-in user.',
      'Set "exp", in seconds since the Unix epoch, to a time that covers a whole editing session: RTC Doctor recommends 8 hours ahead, for example with setExpirationTime("8h") in jose.',
    ],
    related: ['TOKEN_INVALID_CLAIM', 'TOKEN_EXPIRED'],
  },
  TOKEN_INVALID_CLAIM: {
    aliases: [
      '"exp" claim must be a number',
      '"iat" claim must be a number',
      '"nbf" claim must be a number',
      '"sub" claim must be a string',
      'invalid exp value',
      'invalid nbf value',
      'Subject must be a string',
      'Expiration Time claim (exp) must be an integer.',
    ],
    cause:
      'A claim is present but holds a value of the wrong kind. "sub" must be a non-empty string, and "exp", "iat" and "nbf" must be plain numbers of seconds since the Unix epoch. Typical mistakes are a numeric user ID for "sub", an empty "sub", dates written as ISO strings, and timestamps quoted as strings.',
    fix: [
      'Decode the payload and look at the claim named in the report.',
      'Convert a numeric user ID to a string before putting it in "sub", and never send an empty one.',
      'Write time claims as numbers of seconds, for example Math.floor(Date.now() / 1000) + 8 * 3600, not as date strings or milliseconds in quotes.',
    ],
    related: ['TOKEN_MISSING_CLAIMS', 'TOKEN_EXPIRED'],
  },
  TOKEN_EXPIRED: {
    aliases: [
      'JWTExpired',
      'ERR_JWT_EXPIRED',
      '"exp" claim timestamp check failed',
      'jwt expired',
      'TokenExpiredError',
      'Signature has expired',
      'ExpiredSignatureError',
    ],
    cause:
      'The time in the "exp" claim is already behind the current time, even after a clock tolerance of 30 seconds by default. The editor keeps the token it received when it connected and does not ask for a new one when that token runs out, so a lifetime shorter than the editing session ends in this error for anyone still working. Otherwise the token was already old when it was sent, because it was cached or reused, or the clock of the machine that signed it is behind, so it stamped an expiry that had passed before the token left.',
    fix: [
      'Compare the "exp" value with the current Unix time; the report shows how long ago the token expired.',
      'Give tokens a lifetime that covers a whole editing session; RTC Doctor recommends 8 hours, because the editor does not fetch a new token when the one it holds expires.',
      'Make rtc_token_provider return a freshly signed token every time it is called, never one that was cached or written into the page, so that each connection starts with a full lifetime.',
      'Synchronise the clock of the signing machine: chrony or systemd-timesyncd on Linux, w32tm /resync on Windows, "Set time and date automatically" on macOS.',
    ],
    related: ['TOKEN_ISSUED_IN_FUTURE', 'TOKEN_NOT_YET_VALID', 'TOKEN_INVALID_CLAIM'],
  },
  TOKEN_ISSUED_IN_FUTURE: {
    aliases: ['"iat" claim timestamp check failed (it should be in the past)', 'The token is not yet valid (iat)'],
    cause:
      'The optional "iat" claim says when the token was made, and here it is later than the current time by more than the clock tolerance (30 seconds by default). A token cannot have been issued in the future, so this almost always means the clock of the signing machine runs fast, or "iat" was written in milliseconds instead of seconds.',
    fix: [
      'Compare "iat" with the current Unix time; a value around a thousand times too large is in milliseconds and must be divided by 1000.',
      'Synchronise the clock of the signing server with NTP and check the clock of any container or virtual machine that signs tokens.',
      'Let your JWT library set "iat" (for example setIssuedAt() in jose) rather than computing it yourself.',
    ],
    related: ['TOKEN_NOT_YET_VALID', 'TOKEN_EXPIRED'],
  },
  TOKEN_NOT_YET_VALID: {
    aliases: [
      '"nbf" claim timestamp check failed',
      'jwt not active',
      'NotBeforeError',
      'The token is not yet valid (nbf)',
    ],
    cause:
      'The optional "nbf" (not before) claim sets the earliest time the token may be used, and that time is still ahead of now by more than the clock tolerance. Either the signing clock runs fast, "nbf" was deliberately set later than the moment of use, or the value was written in milliseconds.',
    fix: [
      'Compare "nbf" with the current Unix time to see how far ahead it is.',
      'Synchronise the clock of the signing server with NTP.',
      'Leave "nbf" out unless you need it; if you keep it, set it to the issue time, not later.',
    ],
    related: ['TOKEN_ISSUED_IN_FUTURE', 'TOKEN_EXPIRED'],
  },
  JWKS_UNAVAILABLE: {
    aliases: [
      'JWKSNoMatchingKey',
      'ERR_JWKS_NO_MATCHING_KEY',
      'no applicable key found in the JSON Web Key Set',
      'Unable to find a signing key that matches',
    ],
    cause:
      'Tokens are checked only against the JWK set of the account that owns the API key used to load the editor. Keys carried inside the token ("jwk", "jku", "x5u", "x5c") are ignored. This error means that set holds no usable key for this token: it is empty, the token\'s "kid" names a key that is not in it, or no key in it has a type that fits the token\'s algorithm.',
    fix: [
      'Confirm that the API key in the editor script URL belongs to the same account where you added the public key.',
      'If the token header has a "kid", make sure a key with exactly that "kid" is in the account\'s key set, or drop the "kid" so that every fitting key is tried.',
      'Check that the key fits the algorithm: RS256, RS384, RS512, PS256, PS384 and PS512 all need an RSA public key, and EC keys only serve a deployment of RTC Doctor widened to ES algorithms.',
      'Add the public half of the key pair you sign with to the account if it is missing.',
    ],
    related: ['TOKEN_SIGNATURE_INVALID', 'KEY_DUPLICATE_KID', 'KEY_ALG_MISMATCH'],
  },
  TOKEN_SIGNATURE_INVALID: {
    aliases: [
      'signature verification failed',
      'JWSSignatureVerificationFailed',
      'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
      'invalid signature',
      'InvalidSignatureError',
    ],
    cause:
      'A public key that fits the token was found, but the signature does not check out with it, or with any fitting key when the token has no "kid". The token was signed with a different private key than the one whose public half is on the account, or it was altered after signing. Where a deployment widened the accepted set to ES algorithms, an ECDSA signature encoded in DER form instead of the raw r||s form JWS requires fails the same way.',
    fix: [
      'Compare the thumbprint of the public key derived from your signing key with the thumbprints of the keys on the account; they must match.',
      'Set a "kid" in the token header that names the key you actually sign with, so the right key is chosen after rotations.',
      'Only where a deployment widened the accepted set to ES256, ES384 or ES512: produce the raw r||s signature; JWT libraries do this, but signing with a general crypto API often yields DER.',
      'Pass the token through unchanged; re-encoding the header or payload after signing breaks the signature.',
    ],
    related: ['JWKS_UNAVAILABLE', 'KEY_DUPLICATE_KID', 'TOKEN_UNSUPPORTED_ALG'],
  },
  KEY_MALFORMED: {
    aliases: [
      '"spki" must be SPKI formatted string',
      'error:1E08010C:DECODER routines::unsupported',
      'JSON Web Key Set malformed',
      'JWK must be an object',
      "Failed to execute 'importKey' on 'SubtleCrypto'",
    ],
    cause:
      'The text given as a public key is not a PEM public key, a PEM certificate, a JWK or a JWK set, or it is one of those with damage: broken base64 or base64url, a missing member such as "n" or "e", a PEM label that does not fit its contents, or stray characters. Copying a key out of a terminal or an email often loses lines or adds spaces.',
    fix: [
      'Paste the whole key: a PEM must include its BEGIN and END lines (PUBLIC KEY, RSA PUBLIC KEY or CERTIFICATE), and a JWK set must be an object with a "keys" array.',
      'For a JWK, check the members its type needs: "kty", "n" and "e" for an RSA key (an EC key, which only a widened deployment accepts, needs "kty", "crv", "x" and "y").',
      'Export the public key again from the private key with your tools (for example openssl pkey -pubout) instead of editing it by hand.',
    ],
    related: ['KEY_IS_PRIVATE', 'KEY_UNSUPPORTED_TYPE'],
  },
  KEY_IS_PRIVATE: {
    aliases: [
      'JSON Web Key Set members must be public keys',
      'BEGIN PRIVATE KEY',
      'BEGIN RSA PRIVATE KEY',
      'BEGIN EC PRIVATE KEY',
    ],
    cause:
      'The key you submitted includes the private half: a PEM labelled PRIVATE KEY, or a JWK with members such as "d", "p", "q", "dp", "dq" or "qi". The service only needs the public key to verify tokens, so it never stores private material. Because the private key has now left the place it should live, it must be considered exposed.',
    fix: [
      'Treat the submitted key as leaked: generate a new key pair and stop signing with the old one.',
      'Derive the public key from the new private key and submit only that, for example with openssl pkey -in private.pem -pubout.',
      'Remove the old public key from the account once every token signer uses the new key.',
    ],
    related: ['KEY_MALFORMED', 'KEY_SYMMETRIC'],
  },
  KEY_SYMMETRIC: {
    aliases: ['secretOrPrivateKey must be an asymmetric key'],
    cause:
      'The submitted JWK has the type "oct", which is a shared secret used by HMAC algorithms. A secret both signs and verifies, so storing it on the service would let anyone holding it create tokens. The service therefore only takes asymmetric public keys: RSA keys of 2048 bits or more.',
    fix: [
      'Treat the secret as exposed and stop using it for anything.',
      'Generate an RSA key pair of 2048 bits or more.',
      'Sign tokens with the new private key using RS256, or another algorithm the service accepts, and submit only the public key.',
    ],
    related: ['TOKEN_UNSUPPORTED_ALG', 'KEY_IS_PRIVATE'],
  },
  KEY_TOO_WEAK: {
    aliases: [
      'requires key modulusLength to be 2048 bits or larger',
      'secretOrPrivateKey has a minimum key size of 2048 bits',
    ],
    cause:
      'The RSA modulus of this key is under 2048 bits. Keys that small can be broken with affordable computing power and are refused by current standards and most JWT libraries. This usually comes from an old key or a generator left at a 1024-bit default.',
    fix: [
      'Generate a new RSA key pair of 2048 bits or more; 3072 bits suits a key meant to stay in use past 2030.',
      'Sign tokens with the new private key and submit its public key.',
      'Remove the short key from the account once nothing signs with it.',
    ],
    related: ['KEY_UNSUPPORTED_TYPE', 'KEY_MALFORMED'],
  },
  KEY_UNSUPPORTED_TYPE: {
    aliases: [
      'Unsupported "kty" (Key Type) Parameter value',
      'Invalid or unsupported JWK "kty" (Key Type) Parameter value',
      'Unsupported named curve',
    ],
    cause:
      'The key is readable but no accepted algorithm can use it. The service checks tokens only with RSA keys, through RS256, RS384, RS512, PS256, PS384 and PS512, so by default RTC Doctor refuses EC keys as well as Ed25519 and other OKP keys, the secp256k1 curve and other key types. EC keys on P-256, P-384 and P-521 pass only where a deployment of RTC Doctor widened the accepted set to ES256, ES384 or ES512.',
    fix: [
      'Check the key type and curve shown in the report.',
      'Generate a key pair the service can use: RSA, 2048 bits or more.',
      'Switch your token signer to RS256, or another RS or PS algorithm, and register the new public key.',
      'If this RTC Doctor checks tokens for a service that does take EC keys, widen the accepted set to the matching ES algorithm with RTC_DOCTOR_ALGORITHMS, --algorithms or the "algorithms" field.',
    ],
    related: ['KEY_ALG_MISMATCH', 'TOKEN_UNSUPPORTED_ALG'],
  },
  KEY_DUPLICATE_KID: {
    aliases: [],
    cause:
      'Two or more keys in one JWK set have the same "kid". A token that names that "kid" no longer points to one key, so which key checks it becomes ambiguous, and after a rotation tokens may fail against the wrong one. This typically happens when a new key is added with the old key\'s ID or a fixed ID is hard-coded in a script.',
    fix: [
      'Give every key in the set its own "kid"; the RFC 7638 thumbprint of the key is a good, unique choice.',
      'Update the token signer so the "kid" in its header matches the key it signs with.',
      'Remove keys that are no longer used instead of keeping several under one ID.',
    ],
    related: ['JWKS_UNAVAILABLE', 'TOKEN_SIGNATURE_INVALID'],
  },
  KEY_ALG_MISMATCH: {
    aliases: ['Invalid or unsupported JWK "alg" (Algorithm) Parameter value', 'JWK alg and alg option value mismatch'],
    cause:
      'The JWK has an "alg" member that cannot be used with the key itself, such as RS256 on a key that is not RSA, an encryption algorithm like RSA-OAEP, or HS256 copied from an HMAC setup. The "alg" member restricts the key to that one algorithm, so a wrong value makes the key unusable for the tokens you actually sign.',
    fix: [
      'Set "alg" to the algorithm your token signer uses and check that it fits: RS256, RS384, RS512, PS256, PS384 and PS512 all need an RSA key.',
      'Or remove the "alg" member so the key can be used with any algorithm that fits its type.',
      'Make sure the token header uses the same algorithm as the key.',
    ],
    related: ['KEY_UNSUPPORTED_TYPE', 'JWKS_UNAVAILABLE', 'TOKEN_UNSUPPORTED_ALG'],
  },
  SECURE_CONTEXT_REQUIRED: {
    aliases: [
      'crypto.subtle is undefined',
      "Cannot read properties of undefined (reading 'importKey')",
      "Cannot read properties of undefined (reading 'digest')",
      'crypto.randomUUID is not a function',
    ],
    cause:
      'RTC encrypts content in the browser with the Web Crypto API, and browsers only offer crypto.subtle and similar features on secure pages. Pages served over https count as secure, and so do localhost, names ending in .localhost, loopback addresses (127.0.0.0/8 and ::1) and file: pages. Plain http on a LAN address or a custom hostname does not, and neither does a page inside a frame whose parent is insecure.',
    fix: [
      'Serve the page that loads the editor, and every frame around it, over https.',
      'In development, open the site as http://localhost instead of a LAN address or custom hostname, or run the dev server with https.',
      'Check window.isSecureContext in the browser console of the editor frame; it must be true.',
    ],
    related: [],
  },
};
