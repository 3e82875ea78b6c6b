import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const libTime = fileURLToPath(new URL('../../libs/time/src/index.ts', import.meta.url));

/**
 * The applicant portal. In development `/api/<service>` is proxied to a service given by
 * PORTAL_API_<SERVICE> (e.g. PORTAL_API_REGISTRATION=http://127.0.0.1:3001); in production the
 * one-origin edge (deploy/edge) serves dist/ and routes /api itself.
 */
const services = ['registration', 'screening', 'skb', 'interview', 'placement'];
const proxy = Object.fromEntries(
  services
    .filter((s) => process.env[`PORTAL_API_${s.toUpperCase()}`])
    .map((s) => [`/api/${s}`, { target: process.env[`PORTAL_API_${s.toUpperCase()}`], rewrite: (p: string) => p.replace(`/api/${s}`, '') }]),
);

export default defineConfig({
  root,
  plugins: [react()],
  resolve: { alias: { '@seleksi/time': libTime } },
  build: { outDir: 'dist', emptyOutDir: true, manifest: true, sourcemap: false },
  server: { proxy },
  preview: { proxy },
});
