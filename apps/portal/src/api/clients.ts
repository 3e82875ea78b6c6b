import createClient from 'openapi-fetch';
import { authFetch } from './http';
import type { paths as InterviewPaths } from './generated/interview';
import type { paths as PlacementPaths } from './generated/placement';
import type { paths as RegistrationPaths } from './generated/registration';
import type { paths as ScreeningPaths } from './generated/screening';
import type { paths as SkbPaths } from './generated/skb';

/** One typed client per service, on this origin's /api/<service> (the edge strips the prefix). */
const options = (service: string) => ({ baseUrl: `${window.location.origin}/api/${service}`, fetch: authFetch });

export const registration = createClient<RegistrationPaths>(options('registration'));
export const screening = createClient<ScreeningPaths>(options('screening'));
export const skb = createClient<SkbPaths>(options('skb'));
export const interview = createClient<InterviewPaths>(options('interview'));
export const placement = createClient<PlacementPaths>(options('placement'));

export type { components as RegistrationSchemas } from './generated/registration';
export type { components as ScreeningSchemas } from './generated/screening';
export type { components as SkbSchemas } from './generated/skb';
export type { components as InterviewSchemas } from './generated/interview';
export type { components as PlacementSchemas } from './generated/placement';
