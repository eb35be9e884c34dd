import { useSyncExternalStore } from 'react';

/** A minimal external store: state outside React, so key handling and background work can update it. */
export class Store<T> {
  #state: T;
  readonly #listeners = new Set<() => void>();

  constructor(initial: T) {
    this.#state = initial;
  }

  get = (): T => this.#state;

  set(patch: Partial<T> | ((s: T) => Partial<T>)): void {
    const p = typeof patch === 'function' ? patch(this.#state) : patch;
    this.#state = { ...this.#state, ...p };
    for (const l of this.#listeners) l();
  }

  subscribe = (l: () => void): (() => void) => {
    this.#listeners.add(l);
    return () => this.#listeners.delete(l);
  };
}

/** Subscribes a component to one slice; it re-renders only when that slice changes (by identity). */
export function useStore<T, S>(store: Store<T>, select: (s: T) => S): S {
  return useSyncExternalStore(store.subscribe, () => select(store.get()));
}
