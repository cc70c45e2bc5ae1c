export { analyseEvidence, findingsOf, type Evidence, type EvidenceFinding, type TokenFinding } from './analyse';
export { findTokens } from './find-tokens';
export { readHar, type Har } from './har';
export { describeTokenGroup, groupTokenFindings, type TokenGroup } from './groups';
export { BUNDLE_FORMAT, supportBundle, type EvidenceBundle } from './bundle';
