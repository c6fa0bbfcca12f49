/**
 * What `/widget.js` imports (as ES modules from `/widget/core.js`): the root element and the
 * home view. Other views and locales are separate chunks loaded on demand.
 */
import '../components/studio/studio.js';
