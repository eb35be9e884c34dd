import { useStdin } from 'ink';
import { useEffect } from 'react';
import type { AppController } from '../state/app-controller.js';
import { dispatchKey } from './dispatch.js';
import { parseKey } from './key.js';

/**
 * Reads Ink's raw input events (already split into key sequences by Ink's parser) instead of
 * `useInput`, which cannot tell F-keys apart (tui.md §4.6). Errors in a handler are reported in
 * the message area: a key must never take the app down.
 */
export function useKeyDispatcher(app: AppController): void {
  const { internal_eventEmitter: events, setRawMode, isRawModeSupported } = useStdin();
  useEffect(() => {
    if (isRawModeSupported) setRawMode(true);
    const onInput = (raw: string) => {
      try {
        dispatchKey(app, parseKey(raw));
      } catch (err) {
        app.message(`internal error handling a key: ${String((err as Error)?.message ?? err).split('\n')[0]}`, 'error');
      }
    };
    events.on('input', onInput);
    return () => {
      events.off('input', onInput);
      if (isRawModeSupported) setRawMode(false);
    };
  }, [app, events, setRawMode, isRawModeSupported]);
}
