// TanStack Query over contracts: useCall(contract, input, options) reads a route and caches it under
// a key derived from the contract and the input — [resource, path, input], the resource being the
// path's first segment after /api — so `invalidateQueries({ queryKey: ['tickets'] })` still refreshes
// everything read under /api/tickets. A page whose cache is shaped otherwise (a prefix another page
// invalidates, setQueryData after a write) passes its own `queryKey`.
import { useQuery, type QueryKey, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query';
import type { Endpoint } from '../../common/endpoint.ts';
import { call, type CallInput, type CallOptions, type Callable, type Output } from './client.ts';

// call() with its input always given (its rest parameter makes the input optional only where it may be).
const run = call as <X extends Callable>(e: X, input: CallInput<X>, o: CallOptions) => Promise<Output<X>>;

/** The cache key of a call: its resource (first path segment), its path, and what it was asked. */
export function callKey<E extends Endpoint>(e: E, input?: CallInput<E>): QueryKey {
  return [e.path.split('/')[2], e.path, input ?? {}];
}

export type CallQueryOptions<E extends Endpoint, T> = Omit<UseQueryOptions<Output<E>, Error, T>, 'queryKey' | 'queryFn'> & {
  queryKey?: QueryKey;
};

/** Reads a route through its contract; the answer is typed by the contract's response schema. */
export function useCall<E extends Callable, T = Output<E>>(
  e: E,
  input: CallInput<E>,
  { queryKey, ...options }: CallQueryOptions<E, T> = {},
): UseQueryResult<T> {
  return useQuery({
    ...options,
    queryKey: queryKey ?? callKey(e, input),
    queryFn: ({ signal }) => run(e, input, { signal }),
  });
}
