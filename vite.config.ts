// The web app: src/web, built into dist/web (served by the API server). In development `npm run dev`
// serves the API on :8080 and `npx vite` proxies /api to it.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const vendor = (name: string, test: RegExp, priority: number) => ({ name, test, priority });

export default defineConfig({
  root: '.',
  plugins: [react()],
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false } },
  },
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    // Hashed bundles under /static/ (cached immutably by kernel/web.ts), not Vite's default /assets/,
    // which is also a product route (the asset register).
    assetsDir: 'static',
    // antd 6 with its CSS-in-JS runtime is one ~1.3 MB chunk (≈420 kB gzip), cached immutably.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            vendor('echarts', /node_modules[\\/](echarts|zrender)[\\/]/, 30),
            vendor('antd', /node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+|@emotion|stylis)[\\/]/, 20),
            vendor('react', /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/, 10),
            vendor('vendor', /node_modules[\\/]/, 1),
          ],
        },
      },
    },
  },
});
