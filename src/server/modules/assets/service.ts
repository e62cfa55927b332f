// The asset register's service surface: what routes and the other parts of the module (movements,
// relations, lines, EOS, spare parts, procurement) and other modules use.
export { appendHistory, listHistory } from './history.ts';
export {
  assertLevels,
  assetExists,
  createAsset,
  existingAssetIds,
  getAsset,
  getAssetByNumber,
  loadAsset,
  updateAsset,
  viewsOf,
  type AssetRow,
} from './records.ts';
export { classIndex, classTree, createClass, getClass, seedAssetClasses, updateClass } from './classes.ts';
export { listAssets, assetFilter } from './search.ts';
export { numberRule, NUMBER_RULE_KEY, DEFAULT_NUMBER_RULE } from './numbering.ts';
