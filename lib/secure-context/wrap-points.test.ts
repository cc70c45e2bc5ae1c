import { describe, expect, it } from 'vitest';
import { addressPieces } from './wrap-points';

describe('addressPieces', () => {
  it('keeps a host with its port and an IP address whole', () => {
    expect(addressPieces('http://192.168.1.20:3000')).toEqual(['http://', '192.168.1.20:3000']);
    expect(addressPieces('http://[fe80::1]:8080')).toEqual(['http://', '[fe80::1]:8080']);
  });

  it('may wrap between the labels of a name and before each part of the path', () => {
    expect(addressPieces('https://editor.example.com:8443/app/page?x=1&y=2#top')).toEqual([
      'https://',
      'editor.',
      'example.',
      'com:8443',
      '/app',
      '/page',
      '?x=1',
      '&y=2',
      '#top',
    ]);
  });

  it('gives back the whole text when it is not an address with a host', () => {
    expect(addressPieces('null')).toEqual(['null']);
    expect(addressPieces('http://localhost:3000').join('')).toBe('http://localhost:3000');
  });
});
