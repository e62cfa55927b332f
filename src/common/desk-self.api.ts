// Contracts of self-service: what the 我要报修 form is pre-filled with.
import { ZSelfService } from './desk-self.ts';
import { endpoint } from './endpoint.ts';

export const deskSelfApi = {
  /** The signed-in requester's phone, department and usual site; the lines with their phones and hours. */
  info: endpoint({ method: 'GET', path: '/api/desk/self-service', response: ZSelfService }),
};
