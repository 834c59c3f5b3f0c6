// The feedback feature's public rules, for reports that count 360 answers in aggregate.
export { discloseSkill, type GroupScores, isHidden, type SkillDisclosure } from './feedback.anonymity';
export { DEFAULT_GROUP_MINIMUM, RATER_GROUP_LABELS, RATER_GROUPS, type RaterGroup, STUDENT_GROUP_MINIMUM } from './feedback.model';
