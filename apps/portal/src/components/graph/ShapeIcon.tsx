import { shapeSvg } from './link-style';

/** A small drawing of a graph node's shape and colour, for legends. */
export function ShapeIcon({ shape, fill, stroke, dashed }: { shape: string; fill: string; stroke?: string; dashed?: boolean }) {
  const s = shapeSvg(shape);
  const common = { fill, stroke: stroke ?? fill, strokeWidth: 1.5, strokeDasharray: dashed ? '3 2' : undefined };
  return (
    <svg className="shape-icon" width="18" height="18" viewBox="0 0 20 20" aria-hidden="true">
      {s.kind === 'ellipse' && <ellipse cx="10" cy="10" rx="8.5" ry="8.5" {...common} />}
      {s.kind === 'rect' && <rect x="1.5" y="4" width="17" height="12" rx={s.rx} {...common} />}
      {s.kind === 'polygon' && <polygon points={s.points} {...common} />}
    </svg>
  );
}
