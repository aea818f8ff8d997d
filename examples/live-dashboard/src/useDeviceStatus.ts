// Every component that calls this hook opens a connection of its own.
import { useEffect, useState } from 'react';

export function useDeviceStatus(deviceId: string): string {
  const [status, setStatus] = useState('unknown');
  useEffect(() => {
    const stream = new EventSource(`/devices/${deviceId}/status`);
    stream.onmessage = (event: MessageEvent<string>) => setStatus(event.data);
    return () => stream.close();
  }, [deviceId]);
  return status;
}
