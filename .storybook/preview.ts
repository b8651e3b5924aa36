import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';

// Controls and docs come from the Custom Elements Manifest generated from the JSDoc (public API only).
setCustomElementsManifest(manifest);

const preview: Preview = {
  // A docs page per element: its description and the args table of its attributes, properties,
  // events, CSS parts and custom properties, above every story.
  tags: ['autodocs'],
  parameters: {
    controls: { expanded: true },
    layout: 'padded',
  },
};

export default preview;
