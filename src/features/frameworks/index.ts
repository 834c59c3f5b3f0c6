export { installBuiltInFrameworks, BUILT_IN_FRAMEWORKS } from './frameworks.builtin';
export {
  copyFrameworkInto,
  listPublishedVersions,
  publishedVersionDocument,
  readFrameworkDocument,
  skillsOfVersion,
  type PublishedVersion,
  type VersionDomain,
  type VersionSkill,
} from './frameworks.api';
export type { FrameworkDocument } from './frameworks.interchange';
export { DEFAULT_LEVELS, TRACKS } from './frameworks.schemas';
export type { FrameworkLevel, FrameworkTrack } from './frameworks.tables';
