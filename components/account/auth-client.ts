'use client';

import { createAuthClient } from 'better-auth/react';

/** Sign-in calls from the browser to /api/auth on this same site. */
export const authClient = createAuthClient();
