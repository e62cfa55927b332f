// Names and colours of the asset register's codes, shared by its pages.
import { ASSET_STATUS_NAMES, type TAsset, type TAssetClassNode } from '../../../common/assets.ts';
import { assetsApi } from '../../../common/assets.api.ts';
import { useCall } from '../../api/query.ts';

export const STATUS_COLOR: Record<string, string> = {
  in_stock: 'default',
  in_use: 'green',
  in_repair: 'orange',
  spare: 'blue',
  retired: 'red',
};
/** The Chinese name of an asset status (the t() key), or the code when it is new. */
export const statusName = (s: string) => ASSET_STATUS_NAMES[s as keyof typeof ASSET_STATUS_NAMES] ?? s;

export const DUE_COLOR: Record<TAsset['warranty']['state'], string> = { none: 'default', ok: 'green', expiring: 'orange', expired: 'red' };

export const useAssetOptions = () => useCall(assetsApi.options, {}, { queryKey: ['asset-options'], staleTime: 60_000 });

export const useAssetClasses = () => useCall(assetsApi.classes, {}, { staleTime: 60_000 });

export interface ClassTreeOption {
  value: string;
  title: string;
  disabled?: boolean;
  children: ClassTreeOption[];
}

/** The class tree as TreeSelect data; `forInput` greys out disabled classes. */
export function classTreeData(nodes: TAssetClassNode[], forInput = false): ClassTreeOption[] {
  return nodes.map((n) => ({
    value: n.code,
    title: `${n.name}  ${n.code}`,
    ...(forInput && n.disabled ? { disabled: true } : {}),
    children: classTreeData(n.children, forInput),
  }));
}
