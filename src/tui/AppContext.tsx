import { createContext, useContext } from 'react';
import type { AppController } from './state/app-controller.js';
import type { AppState } from './state/app-state.js';
import { useStore } from './state/store.js';

const Ctx = createContext<AppController | null>(null);

export const ControllerProvider = Ctx.Provider;

export function useController(): AppController {
  const c = useContext(Ctx);
  if (!c) throw new Error('useController outside ControllerProvider');
  return c;
}

/** A slice of the app state; the component re-renders when that slice changes. */
export function useAppState<S>(select: (s: AppState) => S): S {
  return useStore(useController().store, select);
}
