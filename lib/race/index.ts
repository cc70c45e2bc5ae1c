// The browser-side surface of the race model; parse-scenario (server), live and live-run (loaded with the live mode) and live-order are imported directly.
export * from './engine';
export * from './interleavings';
export * from './providers';
export * from './scenario';
export * from './schedule';
