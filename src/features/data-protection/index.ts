// Data protection offers nothing to other features: they contribute to it (their `retention` record
// types and `personalData.holds`) through their modules.
export {};
