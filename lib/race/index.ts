// The browser-side surface of the race model; parse-scenario (server) and live (loaded on demand) are imported directly.
export * from './engine';
export * from './interleavings';
export * from './providers';
export * from './scenario';
export * from './schedule';
