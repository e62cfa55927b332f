// Names and colours of the asset register's codes, shared by its pages.
import { useQuery } from '@tanstack/react-query';
import { ASSET_STATUS_NAMES, type TAsset, type TAssetClassNode, type TAssetOptions } from '../../../common/assets.ts';
import { api } from '../../api/client.ts';

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

export const useAssetOptions = () =>
  useQuery({
    queryKey: ['asset-options'],
    queryFn: ({ signal }) => api.get<TAssetOptions>('/api/assets/options', undefined, signal),
    staleTime: 60_000,
  });

export const useAssetClasses = () =>
  useQuery({
    queryKey: ['asset-classes'],
    queryFn: ({ signal }) => api.get<TAssetClassNode[]>('/api/asset-classes', undefined, signal),
    staleTime: 60_000,
  });

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
