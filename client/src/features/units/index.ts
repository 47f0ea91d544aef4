// The units feature's public face: the union's unit tree and a picker over it.
export { UnitSelect } from './UnitSelect.tsx';
export { UnitTree } from './unit-tree.ts';
export { useUnits } from './use-units.ts';
