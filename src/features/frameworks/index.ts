export { installBuiltInFrameworks, BUILT_IN_FRAMEWORKS } from './frameworks.builtin';
export { listPublishedVersions, skillsOfVersion, type PublishedVersion, type VersionDomain, type VersionSkill } from './frameworks.api';
export { DEFAULT_LEVELS, TRACKS } from './frameworks.schemas';
export type { FrameworkLevel, FrameworkTrack } from './frameworks.tables';
