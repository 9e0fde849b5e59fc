import { defineConfig } from '@playwright/test';

// Debian's Chromium, headless, with the flags this machine's closed network needs; the built app
// served by `vite preview`. VECHE_WS names the node for the tests that need one.
const port = Number(process.env.VECHE_APP_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: process.env.VECHE_APP_OUT ?? 'test-results',
  timeout: 240_000,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
  },
});
