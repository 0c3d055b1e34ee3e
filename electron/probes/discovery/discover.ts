// PLACEHOLDER until autodiscovery lands (issue 4): replaced by the real implementation.
import type { DiscoverRequest, DiscoveryResult } from '../../../shared/models/discovery';
import { AppFailure } from '../../../shared/result';

export async function discover(_req: DiscoverRequest): Promise<DiscoveryResult> {
  throw new AppFailure('E_UNSUPPORTED', 'discovery not built yet');
}
