export * from './engine';
export * from './interleavings';
export * from './providers';
export * from './scenario';
export * from './schedule';
export * from './live';
