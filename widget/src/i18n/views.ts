/** Imported by every lazily loaded view: adds the views' English strings to the table. */
import { enViews } from './en-views.js';
import { registerEnglish } from './index.js';

registerEnglish(enViews);
