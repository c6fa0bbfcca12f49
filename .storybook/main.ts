/**
 * Storybook 10 for the widget (web-components-vite), written by hand: `storybook init` pins
 * framework versions the registry does not have. Stories render the real elements against the
 * in-memory fixture API, so no server is needed.
 */
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  addons: [],
  async viteFinal(viteConfig) {
    // Browsers have EventSource: keep the SDK's Node ponyfill out, as the widget bundle does.
    viteConfig.resolve ??= {};
    viteConfig.resolve.alias = [
      ...(Array.isArray(viteConfig.resolve.alias) ? viteConfig.resolve.alias : []),
      { find: /^eventsource$/, replacement: fileURLToPath(new URL('../widget/src/embed/eventsource.ts', import.meta.url)) },
    ];
    return viteConfig;
  },
};

export default config;
