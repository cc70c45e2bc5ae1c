import { describe, expect, it } from 'vitest';
import { impliedRecipe } from './implied-recipe';
import { DEV_SERVER_RECIPES } from './recipes';

const implied = (url: string) => impliedRecipe(url, DEV_SERVER_RECIPES);

describe('impliedRecipe', () => {
  it('picks the phone or LAN device recipe for a private or link-local address, over http or https', () => {
    expect(implied('http://192.168.1.20:3000')).toBe('lan-device');
    expect(implied('http://192.168.1.20:3000/editor')).toBe('lan-device');
    expect(implied('http://10.0.0.7:5173/')).toBe('lan-device');
    expect(implied('http://[fe80::1]:8080/')).toBe('lan-device');
    expect(implied('https://192.168.1.20:3000')).toBe('lan-device');
  });

  it('picks the reverse proxy for a custom hostname, and for a public name over http', () => {
    expect(implied('http://myapp.test:5173/')).toBe('reverse-proxy');
    expect(implied('https://myapp.test/')).toBe('reverse-proxy');
    expect(implied('http://devbox:8080/')).toBe('reverse-proxy');
    expect(implied('http://editor.example.com/app')).toBe('reverse-proxy');
  });

  it('picks the tunnel recipe for a tunnel’s address', () => {
    expect(implied('https://quiet-river-42.trycloudflare.com/')).toBe('tunnel');
    expect(implied('https://a1b2c3.ngrok-free.app/editor')).toBe('tunnel');
  });

  it('picks the dev server whose port a localhost address uses, when only one recipe opens there', () => {
    expect(implied('http://localhost:5173/')).toBe('vite');
    expect(implied('http://app.localhost:4200/')).toBe('angular');
    expect(implied('http://127.0.0.1:8080/')).toBe('webpack');
    expect(implied('http://0.0.0.0:5173/')).toBe('vite');
    expect(implied('http://[::1]:4200/')).toBe('angular');
    // Next.js and Create React App both open on 3000: no guess.
    expect(implied('http://localhost:3000/')).toBeUndefined();
    expect(implied('http://localhost:9999/')).toBeUndefined();
  });

  it('picks nothing for a public https site, an opaque origin or text that is not a URL', () => {
    expect(implied('https://editor.example.com/')).toBeUndefined();
    expect(implied('data:text/html,hi')).toBeUndefined();
    expect(implied('file:///home/me/editor.html')).toBeUndefined();
    expect(implied('example.com')).toBeUndefined();
    expect(implied('')).toBeUndefined();
  });
});
