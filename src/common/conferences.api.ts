// Contracts of the conferences module (issue 14 point 3, R-INS-04).
import { z } from 'zod';
import { ZIdParams } from './api.ts';
import {
  ZCheckInput,
  ZEndpoint,
  ZEndpointInput,
  ZMeeting,
  ZMeetingInput,
  ZMeetingList,
  ZMeetingQuery,
  ZProblemInput,
  ZRecordInput,
} from './conferences.ts';
import { endpoint } from './endpoint.ts';

export const conferencesApi = {
  endpoints: endpoint({ method: 'GET', path: '/api/conferences/endpoints', response: z.array(ZEndpoint) }),
  endpointCreate: endpoint({ method: 'POST', path: '/api/conferences/endpoints', body: ZEndpointInput, response: ZEndpoint, status: 201 }),
  endpointUpdate: endpoint({
    method: 'PUT',
    path: '/api/conferences/endpoints/:id',
    params: ZIdParams,
    body: ZEndpointInput,
    response: ZEndpoint,
  }),
  list: endpoint({ method: 'GET', path: '/api/conferences/meetings', query: ZMeetingQuery, response: ZMeetingList }),
  create: endpoint({ method: 'POST', path: '/api/conferences/meetings', body: ZMeetingInput, response: ZMeeting, status: 201 }),
  get: endpoint({ method: 'GET', path: '/api/conferences/meetings/:id', params: ZIdParams, response: ZMeeting }),
  /** One result of the joint test (an endpoint's audio, video, content sharing, encryption; a room device). */
  check: endpoint({
    method: 'POST',
    path: '/api/conferences/meetings/:id/checks',
    params: ZIdParams,
    body: ZCheckInput,
    response: ZMeeting,
  }),
  /** A problem during the meeting: a fault ticket on the VC line. */
  problem: endpoint({
    method: 'POST',
    path: '/api/conferences/meetings/:id/problems',
    params: ZIdParams,
    body: ZProblemInput,
    response: ZMeeting,
    status: 201,
  }),
  /** The support record; the meeting is over. */
  close: endpoint({
    method: 'POST',
    path: '/api/conferences/meetings/:id/record',
    params: ZIdParams,
    body: ZRecordInput,
    response: ZMeeting,
  }),
  cancel: endpoint({ method: 'POST', path: '/api/conferences/meetings/:id/cancel', params: ZIdParams, response: ZMeeting }),
};
