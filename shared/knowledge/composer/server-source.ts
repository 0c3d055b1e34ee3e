/**
 * Where a tested server came from, in the composer's terms (ConfiguredSource): typed by hand,
 * the provider catalog, a trusted discovery source (autoconfig, ISPDB, SRV, MX of a known
 * provider), or a guess (imap.<domain>, or a discovery source that is not trusted). The app's
 * Account screen, the engine's own discovery and the CLI all map through this one rule.
 */
import type { DiscoverySource, Trust } from '../../models/discovery';
import type { ConfiguredSource } from './composer-types';

export function configuredSource(d: { source?: DiscoverySource | 'manual' | undefined; trust?: Trust | undefined }): ConfiguredSource {
  switch (d.source) {
    case undefined:
    case 'manual':
      return 'typed';
    case 'catalog':
      return 'catalog';
    case 'guess':
      return 'guess';
    default:
      return d.trust === 'trusted' ? 'discovered' : 'guess';
  }
}
