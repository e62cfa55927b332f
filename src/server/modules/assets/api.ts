// What other modules may read of the assets module (ARCHITECTURE.md: a module uses another only
// through its read functions): an asset as the register shows it, by id or by its number (the
// number is what tickets, labels and monitoring name).
import type { TAsset } from '../../../common/assets.ts';
import type { Ctx } from '../../kernel/context.ts';
import { getAsset, getAssetByNumber } from './register/records.ts';

/** One asset with its names, location, warranty and depreciation; 404 asset.not_found otherwise. */
export const assetById = (ctx: Ctx, id: string): Promise<TAsset> => getAsset(ctx, id);

/** The asset carrying this number (as printed on its label); 404 asset.not_found otherwise. */
export const assetByNumber = (ctx: Ctx, number: string): Promise<TAsset> => getAssetByNumber(ctx, number);
