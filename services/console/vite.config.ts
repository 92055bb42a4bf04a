// Builds the console into dist/, which the gateway serves under /console/ (same origin as the
// API). File names carry no content hash: the gateway lists the folder's files when it starts
// and reads them on each request, so a rebuild with the same chunks needs no gateway restart.
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

const gateway = process.env.CTTECH_GATEWAY_URL ?? 'http://127.0.0.1:53000';

export default defineConfig({
  base: '/console/',
  plugins: [react()],
  // the workspace's packages are read from their TypeScript sources, as in the tests
  resolve: { conditions: ['@cttech/source', ...defaultClientConditions] },
  build: {
    target: 'es2022',
    rolldownOptions: {
      output: {
        entryFileNames: 'assets/[name].js',
        chunkFileNames: 'assets/[name].js',
        assetFileNames: 'assets/[name][extname]',
      },
    },
  },
  // `pnpm dev`: the API, the development issuer and health from the running gateway
  server: {
    proxy: { '/api': gateway, '/dev': gateway, '/health': gateway },
  },
});
