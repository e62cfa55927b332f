// The app's router: the routes of every feature in features/index.ts.
import { createBrowserRouter } from 'react-router';
import { features } from '../features/index.ts';
import { buildRoutes } from './routes.tsx';

export const router = createBrowserRouter(buildRoutes(features));
