'use client';

import { useEffect, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { Select } from '@/components/ui/fields';
import {
  ALGORITHMS,
  RECOMMENDED_ALGORITHM,
  requiredKeyPair,
  SERVICE_ALGORITHMS,
  type AlgorithmName,
} from '@/lib/algorithms';
import { describeDuration } from '@/lib/jwt/duration';
import { RECOMMENDED_LIFETIME_SECONDS } from '@/lib/jwt/lifetime';

/** RS256 when the set has it; otherwise its first RSA algorithm; an EC one only when the set has nothing else. */
function defaultAlgorithm(offered: readonly AlgorithmName[]): AlgorithmName {
  if (offered.includes(RECOMMENDED_ALGORITHM)) return RECOMMENDED_ALGORITHM;
  return offered.find((name) => ALGORITHMS[name].kty === 'RSA') ?? offered[0] ?? RECOMMENDED_ALGORITHM;
}

/** The lifetime for jose's setExpirationTime: "8h" rather than a count of seconds when it is whole hours. */
function joseLifetime(seconds: number): string {
  return seconds % 3600 === 0 ? `${seconds / 3600}h` : `${seconds}s`;
}

const LIFETIME_NOTE = `${describeDuration(RECOMMENDED_LIFETIME_SECONDS)}: the editor does not fetch a new token mid-session, so cover a whole editing session`;

interface GeneratedPair {
  alg: AlgorithmName;
  kid: string;
  privatePemUrl: string;
  privateJwkUrl: string;
  publicJwk: string;
}

function downloadUrl(text: string, type: string): string {
  return URL.createObjectURL(new Blob([text], { type }));
}

function nodeSnippet(pair: GeneratedPair): string {
  return `import { readFileSync } from 'node:fs';
import { importPKCS8, SignJWT } from 'jose';

const privateKey = await importPKCS8(readFileSync('rtc-private-key.pem', 'utf8'), '${pair.alg}');
const token = await new SignJWT({ name: 'Ada Example' })
  .setProtectedHeader({ alg: '${pair.alg}', kid: '${pair.kid}' })
  .setSubject(userId)
  .setIssuedAt()
  .setExpirationTime('${joseLifetime(RECOMMENDED_LIFETIME_SECONDS)}') // ${LIFETIME_NOTE}
  .sign(privateKey);`;
}

function pythonSnippet(pair: GeneratedPair): string {
  return `import time, jwt  # pip install "pyjwt[crypto]"

private_key = open("rtc-private-key.pem").read()
now = int(time.time())
# ${LIFETIME_NOTE}
token = jwt.encode({"sub": user_id, "iat": now, "exp": now + ${RECOMMENDED_LIFETIME_SECONDS}}, private_key,
                   algorithm="${pair.alg}", headers={"kid": "${pair.kid}"})`;
}

/**
 * Makes a key pair in this browser with Web Crypto. The private key is offered as downloads and never sent
 * anywhere; the public key goes into the upload form. Once the account has the key (`registeredKids`) and its
 * private key was downloaded, the generator starts over; until it was downloaded, the downloads stay, since
 * this tab holds the only copy.
 */
export function KeyPairGenerator({
  onPublicKey,
  algorithms = SERVICE_ALGORITHMS,
  registeredKids = new Set(),
}: {
  onPublicKey: (jwk: string) => void;
  algorithms?: readonly AlgorithmName[];
  registeredKids?: ReadonlySet<string>;
}) {
  const selectId = useId();
  const [alg, setAlg] = useState<AlgorithmName>(() => defaultAlgorithm(algorithms));
  const entry = ALGORITHMS[alg];
  const [made, setMade] = useState<GeneratedPair>();
  const [downloaded, setDownloaded] = useState(false);
  const [error, setError] = useState<string>();
  const registered = made !== undefined && registeredKids.has(made.kid);
  const pair = registered && downloaded ? undefined : made;

  // The download URLs hold the private key: let them go with the pair they belong to.
  useEffect(() => {
    if (!made) return;
    return () => {
      URL.revokeObjectURL(made.privatePemUrl);
      URL.revokeObjectURL(made.privateJwkUrl);
    };
  }, [made]);

  async function generate() {
    try {
      setError(undefined);
      // jose loads when a pair is first asked for, not with the page.
      const { generateSigningKeyPair } = await import('@/lib/jwt/generate-key-pair');
      const pair = await generateSigningKeyPair(alg);
      const next = {
        alg,
        kid: pair.kid,
        privatePemUrl: downloadUrl(pair.privatePem, 'application/x-pem-file'),
        privateJwkUrl: downloadUrl(JSON.stringify(pair.privateJwk, null, 2), 'application/json'),
        publicJwk: JSON.stringify(pair.publicJwk, null, 2),
      };
      setMade(next);
      setDownloaded(false);
      onPublicKey(next.publicJwk);
    } catch (cause) {
      setError(`This browser could not make the key pair: ${cause instanceof Error ? cause.message : String(cause)}`);
    }
  }

  const article = (name: string) => (/^[AEFHILMNORSX]/.test(name) ? 'an' : 'a');
  const downloadLink = 'font-medium text-brand-700 underline dark:text-brand-300';

  return (
    <section
      aria-labelledby="generate-heading"
      className="rounded-lg border border-slate-200 p-4 dark:border-slate-700"
    >
      <h3 id="generate-heading" className="font-semibold">
        No key pair yet? Make one here
      </h3>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
        Made in this browser with Web Crypto. The private key never leaves it: download it and keep it on the server
        that signs tokens.
      </p>
      <div className="mt-3 flex flex-wrap items-end gap-2">
        <div className="min-w-0 max-w-full">
          <label htmlFor={selectId} className="block text-sm font-medium">
            Algorithm
          </label>
          <Select
            id={selectId}
            value={alg}
            onChange={(event) => setAlg(event.target.value as AlgorithmName)}
            aria-describedby={`${selectId}-key`}
            className="mt-1 w-auto max-w-full"
          >
            {algorithms.map((name) => (
              <option key={name} value={name}>
                {name}
                {name === RECOMMENDED_ALGORITHM
                  ? ' (recommended)'
                  : ALGORITHMS[name].service
                    ? ''
                    : ' (not accepted by the service)'}
              </option>
            ))}
          </Select>
        </div>
        <Button variant="outline" onClick={generate}>
          Generate key pair
        </Button>
      </div>
      <p id={`${selectId}-key`} className="mt-2 text-xs text-slate-600 dark:text-slate-300">
        {alg} ({entry.description}) needs {requiredKeyPair(alg)}
        {'minBits' in entry ? `; this makes one of ${entry.minBits} bits` : ''}.
      </p>
      {error && (
        <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      {pair && (
        <div className="mt-4 space-y-3 text-sm">
          {registered ? (
            <p role="status" className="break-words">
              The account has the {pair.alg} key <code className="break-all">{pair.kid}</code> now. Its private key is
              only in this tab: download it before you leave the page.
            </p>
          ) : (
            <p role="status" className="break-words">
              Made {article(pair.alg)} {pair.alg} key pair with kid <code className="break-all">{pair.kid}</code>. Its
              public key is in the form below: add it, then sign tokens with the private key.
            </p>
          )}
          <p className="flex flex-wrap gap-3">
            <a
              href={pair.privatePemUrl}
              download="rtc-private-key.pem"
              onClick={() => setDownloaded(true)}
              className={downloadLink}
            >
              Download private key (PEM)
            </a>
            <a
              href={pair.privateJwkUrl}
              download="rtc-private-key.jwk.json"
              onClick={() => setDownloaded(true)}
              className={downloadLink}
            >
              Download private key (JWK)
            </a>
          </p>
          {[
            ['Sign a token in Node.js (jose)', nodeSnippet(pair)],
            ['Sign a token in Python (PyJWT)', pythonSnippet(pair)],
          ].map(([title, code]) => (
            <div key={title}>
              <div className="flex items-center justify-between gap-2">
                <span className="font-medium">{title}</span>
                <CopyButton text={code} label="Copy code" ariaLabel={`Copy code: ${title}`} />
              </div>
              <pre className="mt-1 overflow-x-auto rounded-md bg-slate-100 p-3 text-xs dark:bg-slate-800">{code}</pre>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
