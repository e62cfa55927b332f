import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/client.ts';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Client errors (403, 404, validation) will not go away by asking again.
      retry: (n, e) => n < 2 && !(isApiError(e) && e.status >= 400 && e.status < 500),
    },
  },
});
