// Registers <user-trace> and the three elements its default layout renders. The container is
// defined first (imports run in order), so children already in the page find their provider.
import './define-container.js';
import '../timeline/define.js';
import '../stats/define.js';
import '../activities/define.js';

export { UserTraceContainerElement } from './container.js';
