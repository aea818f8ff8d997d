// The notification feed reconnects on its own: every 2 s, forever, in lockstep across tabs.
import { fetchEventSource } from '@microsoft/fetch-event-source';

let feed: EventSource | undefined;

export function connectNotifications(onNotice: (text: string) => void): void {
  feed = new EventSource('/notifications');
  feed.onmessage = (event) => onNotice(event.data);
  feed.onerror = () => {
    feed?.close();
    setTimeout(() => connectNotifications(onNotice), 2000);
  };
}

export function followAuditLog(onEntry: (text: string) => void): Promise<void> {
  // No onerror: the library retries every second, forever, even on 401.
  return fetchEventSource('/audit/stream', {
    onmessage: (message) => onEntry(message.data),
  });
}
