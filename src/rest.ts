/**
 * `user-trace/rest.js`: the fetch-based provider for the JSON API of docs/rest-api.md.
 * A subpath of its own, so hosts with their own provider never download it.
 */
export {
  RestProvider,
  RestProviderError,
  REST_DEFAULTS,
  PROVIDER_ERROR_KINDS,
  encodePathSegment,
  decodePathSegment,
  type RestProviderOptions,
  type RestProviderErrorKind,
} from './data/rest-provider.js';
export type { ProviderErrorKind } from './data/provider.js';
