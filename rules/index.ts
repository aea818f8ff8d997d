import noDuplicateStream from './no-duplicate-stream.js';
import noEventsourceInLoop from './no-eventsource-in-loop.js';
import noEventsourcePerItem from './no-eventsource-per-item.js';
import noUnboundedReconnect from './no-unbounded-reconnect.js';
import requireEventsourceClose from './require-eventsource-close.js';

/** Every rule of the plugin, by name; configs and docs are derived from this map. */
export const rules = {
  'no-duplicate-stream': noDuplicateStream,
  'no-eventsource-in-loop': noEventsourceInLoop,
  'no-eventsource-per-item': noEventsourcePerItem,
  'no-unbounded-reconnect': noUnboundedReconnect,
  'require-eventsource-close': requireEventsourceClose,
};
