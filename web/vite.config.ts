// Built by `npm run build:web` (vite build web); `npm start` builds it when web/ changed.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // `@shared/*` is the API contract in ../src/shared, mapped in web/tsconfig.json.
  resolve: { tsconfigPaths: true },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Pages load on demand (React.lazy); the warning marks a chunk worth splitting further.
    chunkSizeWarningLimit: 1000,
  },
  server: {
    fs: { allow: ['..'] },
    // `npm run dev:web` next to `npm start`: the API stays on the chainlead server.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
