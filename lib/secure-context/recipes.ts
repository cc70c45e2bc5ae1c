import { RECIPE_LABELS, type RecipeId } from './recipe-ids';

export {
  parseRecipeId,
  recipeHref,
  RECIPE_IDS,
  RECIPE_LABELS,
  SECURE_CONTEXT_TOOL_PATH,
  type RecipeId,
} from './recipe-ids';

/**
 * How to serve a development setup from a secure context, one recipe per setup. The tool page's picker,
 * the docs page (through the picker) and the checker's fixes all read this list: the commands live only here.
 */
export interface RecipeStep {
  text: string;
  code?: string;
  language?: 'bash' | 'ts' | 'js' | 'json' | 'text' | 'caddyfile';
  /** A file name or a shell, shown above the code. */
  caption?: string;
}

export interface DevServerRecipe {
  id: RecipeId;
  label: string;
  /** When this is the setup to pick, in a sentence. */
  summary: string;
  steps: readonly RecipeStep[];
  /** The address to open once it works. */
  open: string;
}

const MKCERT_FILES: RecipeStep = {
  text: 'For a certificate your browsers trust without a warning, make one with mkcert (once per machine for the first line). Keep rootCA-key.pem to yourself: anyone holding it can issue certificates your machine trusts.',
  code: 'mkcert -install\nmkcert -cert-file dev-cert.pem -key-file dev-key.pem localhost 127.0.0.1 ::1',
  language: 'bash',
};

export const DEV_SERVER_RECIPES: readonly DevServerRecipe[] = [
  {
    id: 'nextjs',
    label: RECIPE_LABELS['nextjs'],
    summary:
      'next dev serves http://localhost:3000, which is already secure. Use HTTPS when you open the site by another name or from another device.',
    steps: [
      {
        text: 'Start the dev server with HTTPS. On first run Next.js makes a certificate for localhost and asks your system to trust it.',
        code: 'npx next dev --experimental-https',
        language: 'bash',
      },
      {
        ...MKCERT_FILES,
        text: 'To use your own certificate (for a LAN address or a custom name), make it with mkcert and pass the files.',
      },
      {
        text: 'Then start with those files:',
        code: 'npx next dev --experimental-https --experimental-https-key ./dev-key.pem --experimental-https-cert ./dev-cert.pem',
        language: 'bash',
      },
    ],
    open: 'https://localhost:3000',
  },
  {
    id: 'vite',
    label: RECIPE_LABELS['vite'],
    summary:
      'vite serves http://localhost:5173, which is already secure. For HTTPS, add the basic-ssl plugin or your own certificate.',
    steps: [
      {
        text: 'Install the plugin that makes a self-signed certificate:',
        code: 'npm install -D @vitejs/plugin-basic-ssl',
        language: 'bash',
      },
      {
        text: 'Add it to the configuration. The browser warns once about the certificate; after you accept, the page is https:// and secure.',
        caption: 'vite.config.ts',
        code: "import { defineConfig } from 'vite';\nimport basicSsl from '@vitejs/plugin-basic-ssl';\n\nexport default defineConfig({\n  plugins: [basicSsl()],\n  server: { host: true }, // also listen on LAN addresses\n});",
        language: 'ts',
      },
      MKCERT_FILES,
      {
        text: 'Then use the files instead of the plugin:',
        caption: 'vite.config.ts',
        code: "import fs from 'node:fs';\nimport { defineConfig } from 'vite';\n\nexport default defineConfig({\n  server: {\n    https: { key: fs.readFileSync('dev-key.pem'), cert: fs.readFileSync('dev-cert.pem') },\n  },\n});",
        language: 'ts',
      },
    ],
    open: 'https://localhost:5173',
  },
  {
    id: 'webpack',
    label: RECIPE_LABELS['webpack'],
    summary: 'webpack-dev-server 4 and 5 serve HTTPS with a self-signed certificate, or with files you give it.',
    steps: [
      { text: 'From the command line:', code: 'npx webpack serve --server-type https', language: 'bash' },
      {
        text: 'Or in the configuration, with your own files (leave out options for a self-signed certificate):',
        caption: 'webpack.config.js',
        code: "module.exports = {\n  // ...the rest of your configuration\n  devServer: {\n    server: {\n      type: 'https',\n      options: { key: './dev-key.pem', cert: './dev-cert.pem' },\n    },\n  },\n};",
        language: 'js',
      },
      MKCERT_FILES,
    ],
    open: 'https://localhost:8080',
  },
  {
    id: 'angular',
    label: RECIPE_LABELS['angular'],
    summary: 'ng serve serves http://localhost:4200, which is already secure. --ssl serves HTTPS.',
    steps: [
      { text: 'With a certificate the CLI makes for you:', code: 'npx ng serve --ssl', language: 'bash' },
      MKCERT_FILES,
      {
        text: 'With your own files:',
        code: 'npx ng serve --ssl --ssl-key dev-key.pem --ssl-cert dev-cert.pem',
        language: 'bash',
      },
    ],
    open: 'https://localhost:4200',
  },
  {
    id: 'create-react-app',
    label: RECIPE_LABELS['create-react-app'],
    summary: 'react-scripts start serves http://localhost:3000, which is already secure. HTTPS=true serves HTTPS.',
    steps: [
      { text: 'On macOS or Linux:', code: 'HTTPS=true npm start', language: 'bash' },
      {
        text: 'Or put the setting in .env so every start uses it:',
        caption: '.env',
        code: 'HTTPS=true',
        language: 'text',
      },
      MKCERT_FILES,
      {
        text: 'With your own files:',
        caption: '.env',
        code: 'HTTPS=true\nSSL_CRT_FILE=dev-cert.pem\nSSL_KEY_FILE=dev-key.pem',
        language: 'text',
      },
    ],
    open: 'https://localhost:3000',
  },
  {
    id: 'reverse-proxy',
    label: RECIPE_LABELS['reverse-proxy'],
    summary: 'Put Caddy in front of any dev server to open it by a name of your choosing over HTTPS.',
    steps: [
      {
        text: 'A name ending in .localhost needs no certificate and no hosts-file entry: Chrome, Edge and Firefox resolve it to this machine and treat it as secure over plain http. Point a proxy at the dev server, or open the dev server by that name directly:',
        code: 'caddy reverse-proxy --from http://myapp.localhost --to localhost:5173',
        language: 'bash',
      },
      {
        text: 'Any other name needs HTTPS. Make it resolve to this machine (a line in /etc/hosts), then let Caddy issue a certificate from its local authority. On first use Caddy asks to add its root certificate to the system trust store.',
        code: "echo '127.0.0.1 myapp.test' | sudo tee -a /etc/hosts\ncaddy reverse-proxy --from myapp.test --to localhost:5173 --internal-certs",
        language: 'bash',
      },
    ],
    open: 'https://myapp.test',
  },
  {
    id: 'lan-device',
    label: RECIPE_LABELS['lan-device'],
    summary:
      'Another device reaches you by a LAN address, which is never secure over http. Forward the port so the device can use localhost, or serve HTTPS with a certificate it trusts.',
    steps: [
      {
        text: 'Android over USB: forward the port, then open http://localhost:3000 on the phone. It counts as localhost there, so no certificate is needed. (Chrome’s chrome://inspect → Port forwarding does the same.)',
        code: 'adb reverse tcp:3000 tcp:3000',
        language: 'bash',
      },
      {
        text: 'Any device: make a certificate that includes your LAN address, serve the dev server with it (see your dev server’s recipe), and let it listen on all interfaces. With Next.js, also add the LAN address to allowedDevOrigins in next.config, or it blocks the page’s requests for development resources such as hot reload.',
        code: 'mkcert -install\nmkcert -cert-file dev-cert.pem -key-file dev-key.pem localhost 127.0.0.1 ::1 192.168.1.20',
        language: 'bash',
      },
      {
        text: 'Find mkcert’s root certificate and install rootCA.pem on the device (iOS: install the profile, then enable it under Settings → General → About → Certificate Trust Settings; Android: Settings → Security → Install a certificate → CA certificate). Copy only rootCA.pem, never rootCA-key.pem.',
        code: 'mkcert -CAROOT',
        language: 'bash',
      },
    ],
    open: 'https://192.168.1.20:3000',
  },
  {
    id: 'tunnel',
    label: RECIPE_LABELS['tunnel'],
    summary:
      'A tunnel gives your local dev server a public https:// address with a real certificate, for a device or a colleague anywhere.',
    steps: [
      {
        text: 'Cloudflare quick tunnel (prints an https://….trycloudflare.com address):',
        code: 'cloudflared tunnel --url http://localhost:3000',
        language: 'bash',
      },
      { text: 'Or ngrok:', code: 'ngrok http 3000', language: 'bash' },
      {
        text: 'Tell the dev server about the tunnel’s host name. Vite (server.allowedHosts) and webpack-dev-server (allowedHosts) refuse requests whose Host header names a host they do not know. Next.js serves its pages under any name, but blocks requests for its development resources, such as the hot-reload connection, that come from an origin other than localhost or the name it was started with: add the tunnel’s host name, without https:// or a port, to allowedDevOrigins in next.config. Anyone with the address can reach your dev server while the tunnel runs.',
      },
    ],
    open: 'https://<name>.trycloudflare.com',
  },
];

export function recipeById(id: RecipeId): DevServerRecipe {
  return DEV_SERVER_RECIPES.find((recipe) => recipe.id === id)!;
}
