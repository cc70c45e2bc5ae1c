// Types for server.mjs, which runs as plain Node ESM (no build step) and is imported by unit tests.
import type { IncomingMessage } from 'node:http';

export declare const PEER_ADDRESS_HEADER: string;
export declare function stampPeerAddress(req: Pick<IncomingMessage, 'headers' | 'socket'>): void;
export declare function pathProblem(url?: string): string | undefined;
