// The token endpoint, in each language the workbench offers: one entry per language (install line, the library's
// name for each algorithm, the API names checked against the library's own documentation) and one template.
// The page, the unit tests and the CI run of the Node and Python endpoints all read this table.
import { SERVICE_ALGORITHMS, type AlgorithmName } from '@/lib/algorithms';
import { describeDuration } from '@/lib/jwt/duration';
import type { JsonObject } from '@/lib/jwt/types';
import {
  csharpLiteral,
  goLiteral,
  javaLiteral,
  javascriptLiteral,
  phpLiteral,
  pythonLiteral,
  type Literal,
} from './literals';

export type EndpointLanguage = 'node' | 'python' | 'php' | 'java' | 'csharp' | 'go';

export interface EndpointInput {
  alg: AlgorithmName;
  kid?: string;
  /** The token's own claims, less the times, which the endpoint sets when it signs. */
  claims: JsonObject;
  lifetimeSeconds: number;
}

export interface EndpointEntry {
  language: EndpointLanguage;
  label: string;
  library: string;
  /** The file the code is saved as, and how it is started. */
  file: string;
  run: string;
  install: string;
  /** Run by the unit tests (lib/endpoints/snippets.test.ts), their tokens diagnosed; the rest are checked by name. */
  ranByTests: boolean;
  /** Where the API names below were checked. */
  docs: string;
  /** Every library name the template uses, each in the library's documentation at `docs`. */
  apiNames: readonly string[];
  /** The library's name for each algorithm it can sign with; a missing one is one it cannot. */
  algorithms: Partial<Record<AlgorithmName, string>>;
  literal: Literal;
  /** The indentation of the line the claims start on in the template. */
  claimsIndent: string;
  template: (parts: TemplateParts) => string;
}

interface TemplateParts {
  alg: string;
  kid: string;
  claims: string;
  lifetimeSeconds: number;
  lifetime: string;
}

/** Claims the endpoint writes itself at signing time. */
const TIME_CLAIMS = new Set(['iat', 'exp', 'nbf']);
const SESSION_NOTE = 'Check your own sign-in session first, and take the user’s ID and name from it';

const RSA_NAMES = (name: (alg: AlgorithmName) => string) =>
  Object.fromEntries(SERVICE_ALGORITHMS.map((alg) => [alg, name(alg)])) as Partial<Record<AlgorithmName, string>>;

export const ENDPOINT_LANGUAGES: readonly EndpointEntry[] = [
  {
    language: 'node',
    ranByTests: true,
    label: 'Node.js',
    library: 'jose',
    file: 'rtc-token.mjs',
    run: 'node rtc-token.mjs',
    install: 'npm install jose',
    docs: 'https://github.com/panva/jose/blob/main/docs/jwt/sign/classes/SignJWT.md',
    apiNames: ['importPKCS8', 'new SignJWT', '.setProtectedHeader', '.setIssuedAt()', '.setExpirationTime', '.sign('],
    algorithms: RSA_NAMES((alg) => `'${alg}'`),
    literal: javascriptLiteral,
    claimsIndent: '  ',
    template: ({
      alg,
      kid,
      claims,
      lifetimeSeconds,
      lifetime,
    }) => `// rtc-token.mjs: issues identity tokens for the collaboration service (Node.js 20+).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { importPKCS8, SignJWT } from 'jose';

const ALG = ${alg};
const KID = ${kid};
const LIFETIME_SECONDS = ${lifetimeSeconds}; // ${lifetime}
const privateKey = await importPKCS8(readFileSync(process.env.RTC_PRIVATE_KEY_FILE ?? 'private.pem', 'utf8'), ALG);

createServer(async (request, response) => {
  if (request.method !== 'POST' || request.url !== '/rtc-token') {
    response.writeHead(404).end();
    return;
  }
  // ${SESSION_NOTE}.
  const claims = ${claims};
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: ALG, kid: KID, typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime(\`\${LIFETIME_SECONDS}s\`)
    .sign(privateKey);
  response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify({ token }));
}).listen(Number(process.env.PORT ?? 3000), '127.0.0.1');
`,
  },
  {
    language: 'python',
    ranByTests: true,
    label: 'Python',
    library: 'PyJWT',
    file: 'rtc_token.py',
    run: 'python3 rtc_token.py',
    install: 'pip install "pyjwt[crypto]"',
    docs: 'https://pyjwt.readthedocs.io/en/stable/usage.html#encoding-decoding-tokens-with-rs256-rsa',
    apiNames: ['import jwt', 'jwt.encode(', 'algorithm=', 'headers='],
    algorithms: RSA_NAMES((alg) => `"${alg}"`),
    literal: pythonLiteral,
    claimsIndent: '        ',
    template: ({
      alg,
      kid,
      claims,
      lifetimeSeconds,
      lifetime,
    }) => `# rtc_token.py: issues identity tokens for the collaboration service (Python 3.8+).
import json
import os
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

import jwt

ALG = ${alg}
KID = ${kid}
LIFETIME_SECONDS = ${lifetimeSeconds}  # ${lifetime}
with open(os.environ.get("RTC_PRIVATE_KEY_FILE", "private.pem")) as key_file:
    PRIVATE_KEY = key_file.read()


class TokenEndpoint(BaseHTTPRequestHandler):
    def do_POST(self):
        if self.path != "/rtc-token":
            self.send_error(404)
            return
        # ${SESSION_NOTE}.
        claims = ${claims}
        now = int(time.time())
        payload = {**claims, "iat": now, "exp": now + LIFETIME_SECONDS}
        token = jwt.encode(payload, PRIVATE_KEY, algorithm=ALG, headers={"kid": KID})
        body = json.dumps({"token": token}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


HTTPServer(("127.0.0.1", int(os.environ.get("PORT", "3000"))), TokenEndpoint).serve_forever()
`,
  },
  {
    language: 'php',
    ranByTests: false,
    label: 'PHP',
    library: 'firebase/php-jwt',
    file: 'rtc-token.php',
    run: 'php -S 127.0.0.1:3000 rtc-token.php',
    install: 'composer require firebase/php-jwt',
    docs: 'https://github.com/firebase/php-jwt/blob/main/src/JWT.php',
    apiNames: ['use Firebase\\JWT\\JWT;', 'JWT::encode('],
    // php-jwt signs RS256, RS384 and RS512; it has no RSASSA-PSS (PS256, PS384, PS512).
    algorithms: { RS256: "'RS256'", RS384: "'RS384'", RS512: "'RS512'" },
    literal: phpLiteral,
    claimsIndent: '',
    template: ({ alg, kid, claims, lifetimeSeconds, lifetime }) => `<?php
// rtc-token.php: issues identity tokens for the collaboration service (PHP 8).
require __DIR__ . '/vendor/autoload.php';

use Firebase\\JWT\\JWT;

const ALG = ${alg};
const KID = ${kid};
const LIFETIME_SECONDS = ${lifetimeSeconds}; // ${lifetime}

if ($_SERVER['REQUEST_METHOD'] !== 'POST') {
    http_response_code(405);
    exit;
}
// ${SESSION_NOTE}.
$claims = ${claims};
$privateKey = file_get_contents(getenv('RTC_PRIVATE_KEY_FILE') ?: __DIR__ . '/private.pem');
$now = time();
$token = JWT::encode($claims + ['iat' => $now, 'exp' => $now + LIFETIME_SECONDS], $privateKey, ALG, KID);

header('Content-Type: application/json');
header('Cache-Control: no-store');
echo json_encode(['token' => $token]);
`,
  },
  {
    language: 'java',
    ranByTests: false,
    label: 'Java',
    library: 'jjwt 0.13',
    file: 'RtcTokenEndpoint.java',
    run: 'java RtcTokenEndpoint.java (with the jjwt jars on the class path)',
    install:
      'io.jsonwebtoken:jjwt-api:0.13.0, plus io.jsonwebtoken:jjwt-impl:0.13.0 and jjwt-jackson:0.13.0 at runtime',
    docs: 'https://github.com/jwtk/jjwt/blob/master/README.adoc',
    apiNames: [
      'Jwts.builder()',
      '.header().keyId(',
      '.and()',
      '.claims(',
      '.issuedAt(',
      '.expiration(',
      '.signWith(',
      'Jwts.SIG.',
      '.compact()',
    ],
    algorithms: RSA_NAMES((alg) => `Jwts.SIG.${alg}`),
    literal: javaLiteral,
    claimsIndent: '      ',
    template: ({
      alg,
      kid,
      claims,
      lifetimeSeconds,
      lifetime,
    }) => `// RtcTokenEndpoint.java: issues identity tokens for the collaboration service (Java 17+).
import com.sun.net.httpserver.HttpServer;
import io.jsonwebtoken.Jwts;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

public class RtcTokenEndpoint {
  static final String KID = ${kid};
  static final long LIFETIME_SECONDS = ${lifetimeSeconds}; // ${lifetime}

  public static void main(String[] args) throws Exception {
    PrivateKey privateKey = readPkcs8(Path.of(System.getenv().getOrDefault("RTC_PRIVATE_KEY_FILE", "private.pem")));
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "3000"));
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/rtc-token", exchange -> {
      if (!exchange.getRequestMethod().equals("POST")) {
        exchange.sendResponseHeaders(405, -1);
        exchange.close();
        return;
      }
      // ${SESSION_NOTE}.
      Map<String, ?> claims = ${claims};
      Instant now = Instant.now();
      String token = Jwts.builder()
          .header().keyId(KID).and()
          .claims(claims)
          .issuedAt(Date.from(now))
          .expiration(Date.from(now.plusSeconds(LIFETIME_SECONDS)))
          .signWith(privateKey, ${alg})
          .compact();
      byte[] body = ("{\\"token\\":\\"" + token + "\\"}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  /** A PKCS#8 PEM file ("BEGIN PRIVATE KEY"), as the workbench and openssl genpkey write it. */
  static PrivateKey readPkcs8(Path file) throws Exception {
    String base64 = Files.readString(file).replaceAll("-----[A-Z ]+-----|\\\\s", "");
    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }
}
`,
  },
  {
    language: 'csharp',
    ranByTests: false,
    label: 'C#',
    library: 'System.IdentityModel.Tokens.Jwt',
    file: 'Program.cs',
    run: 'dotnet run (in a project made with dotnet new web)',
    install: 'dotnet add package System.IdentityModel.Tokens.Jwt',
    docs: 'https://learn.microsoft.com/dotnet/api/system.identitymodel.tokens.jwt.jwtsecuritytokenhandler',
    apiNames: [
      'new JwtSecurityTokenHandler()',
      '.CreateJwtSecurityToken(',
      'new SecurityTokenDescriptor',
      'new RsaSecurityKey(',
      'KeyId =',
      'new SigningCredentials(',
      'SecurityAlgorithms.',
      '.WriteToken(',
      '.ImportFromPem(',
    ],
    algorithms: {
      RS256: 'SecurityAlgorithms.RsaSha256',
      RS384: 'SecurityAlgorithms.RsaSha384',
      RS512: 'SecurityAlgorithms.RsaSha512',
      PS256: 'SecurityAlgorithms.RsaSsaPssSha256',
      PS384: 'SecurityAlgorithms.RsaSsaPssSha384',
      PS512: 'SecurityAlgorithms.RsaSsaPssSha512',
    },
    literal: csharpLiteral,
    claimsIndent: '    ',
    template: ({
      alg,
      kid,
      claims,
      lifetimeSeconds,
      lifetime,
    }) => `// Program.cs: issues identity tokens for the collaboration service (ASP.NET Core, .NET 8+).
using System.IdentityModel.Tokens.Jwt;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

const string Kid = ${kid};
const int LifetimeSeconds = ${lifetimeSeconds}; // ${lifetime}

var rsa = RSA.Create();
rsa.ImportFromPem(File.ReadAllText(Environment.GetEnvironmentVariable("RTC_PRIVATE_KEY_FILE") ?? "private.pem"));
var credentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = Kid }, ${alg});
var handler = new JwtSecurityTokenHandler();

var app = WebApplication.CreateBuilder(args).Build();
app.MapPost("/rtc-token", (HttpContext context) =>
{
    // ${SESSION_NOTE}.
    var claims = ${claims};
    var now = DateTime.UtcNow;
    var token = handler.CreateJwtSecurityToken(new SecurityTokenDescriptor
    {
        Claims = claims,
        IssuedAt = now,
        Expires = now.AddSeconds(LifetimeSeconds),
        SigningCredentials = credentials,
    });
    context.Response.Headers.CacheControl = "no-store";
    return Results.Json(new { token = handler.WriteToken(token) });
});
app.Run();
`,
  },
  {
    language: 'go',
    ranByTests: false,
    label: 'Go',
    library: 'golang-jwt v5',
    file: 'main.go',
    run: 'go run main.go',
    install: 'go get github.com/golang-jwt/jwt/v5',
    docs: 'https://pkg.go.dev/github.com/golang-jwt/jwt/v5',
    apiNames: [
      '"github.com/golang-jwt/jwt/v5"',
      'jwt.ParseRSAPrivateKeyFromPEM(',
      'jwt.MapClaims',
      'jwt.NewWithClaims(',
      'jwt.SigningMethod',
      '.Header["kid"]',
      '.SignedString(',
    ],
    algorithms: RSA_NAMES((alg) => `jwt.SigningMethod${alg}`),
    literal: goLiteral,
    claimsIndent: '\t\t',
    template: ({
      alg,
      kid,
      claims,
      lifetimeSeconds,
      lifetime,
    }) => `// main.go: issues identity tokens for the collaboration service (Go 1.22+).
package main

import (
\t"encoding/json"
\t"net/http"
\t"os"
\t"time"

\t"github.com/golang-jwt/jwt/v5"
)

const kid = ${kid}
const lifetime = ${lifetimeSeconds} * time.Second // ${lifetime}

func main() {
\tkeyFile := os.Getenv("RTC_PRIVATE_KEY_FILE")
\tif keyFile == "" {
\t\tkeyFile = "private.pem"
\t}
\tkeyPEM, err := os.ReadFile(keyFile)
\tif err != nil {
\t\tpanic(err)
\t}
\tprivateKey, err := jwt.ParseRSAPrivateKeyFromPEM(keyPEM)
\tif err != nil {
\t\tpanic(err)
\t}
\thttp.HandleFunc("POST /rtc-token", func(w http.ResponseWriter, r *http.Request) {
\t\t// ${SESSION_NOTE}.
\t\tclaims := ${claims.replace(/^map\[string\]any\{/, 'jwt.MapClaims{')}
\t\tnow := time.Now()
\t\tclaims["iat"] = now.Unix()
\t\tclaims["exp"] = now.Add(lifetime).Unix()
\t\ttoken := jwt.NewWithClaims(${alg}, claims)
\t\ttoken.Header["kid"] = kid
\t\tsigned, err := token.SignedString(privateKey)
\t\tif err != nil {
\t\t\thttp.Error(w, "could not sign the token", http.StatusInternalServerError)
\t\t\treturn
\t\t}
\t\tw.Header().Set("Content-Type", "application/json")
\t\tw.Header().Set("Cache-Control", "no-store")
\t\tjson.NewEncoder(w).Encode(map[string]string{"token": signed})
\t})
\tport := os.Getenv("PORT")
\tif port == "" {
\t\tport = "3000"
\t}
\tpanic(http.ListenAndServe("127.0.0.1:"+port, nil))
}
`,
  },
];

export type EndpointCode = { code: string; entry: EndpointEntry } | { unsupported: string; entry: EndpointEntry };

export function endpointEntry(language: EndpointLanguage): EndpointEntry {
  return ENDPOINT_LANGUAGES.find((entry) => entry.language === language)!;
}

/** The token's payload as the endpoint's claims: everything but the times, which it sets when it signs. */
export function endpointClaims(payload: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(payload).filter(([name]) => !TIME_CLAIMS.has(name)));
}

/** The endpoint in one language, or why that library cannot sign with this algorithm. */
export function endpointCode(language: EndpointLanguage, input: EndpointInput): EndpointCode {
  const entry = endpointEntry(language);
  const alg = entry.algorithms[input.alg];
  if (!alg) {
    const supported = Object.keys(entry.algorithms).join(', ');
    return {
      entry,
      unsupported: `${entry.library} cannot sign ${input.alg}; it signs ${supported}. Sign with RS256 (the service's recommendation) to use it.`,
    };
  }
  const claims = entry.literal(endpointClaims(input.claims), entry.claimsIndent);
  return {
    entry,
    code: entry.template({
      alg,
      kid: entry.literal(input.kid ?? '', ''),
      claims,
      lifetimeSeconds: input.lifetimeSeconds,
      lifetime: describeDuration(input.lifetimeSeconds),
    }),
  };
}
