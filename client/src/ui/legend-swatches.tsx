import './legend.css';
/**
 * The small pictures a legend row starts with, drawn like the map draws the thing: a
 * line (width, dash), a filled area, a point, or a ramp of class colours with the lower
 * bounds as ticks. Shared by the legend card and the themes' legend blocks.
 */

/** A line as the map draws it. @param width in CSS pixels @default 2 @param dash in line widths, as MapLibre's `line-dasharray` */
export function LineSwatch({ colour, width = 2, dash }: { colour: string; width?: number; dash?: readonly number[] }) {
  return (
    <svg className="swatch" width="28" height="14" aria-hidden="true">
      <line
        x1="1"
        y1="7"
        x2="27"
        y2="7"
        stroke={colour}
        strokeWidth={width}
        strokeDasharray={dash?.map((d) => d * width).join(' ')}
      />
    </svg>
  );
}

/** A filled area, optionally outlined; `className` adds e.g. `swatch-hatch`. */
export function FillSwatch({ colour, stroke, className }: { colour: string; stroke?: string; className?: string }) {
  return (
    <span
      className={`swatch swatch-fill${className ? ` ${className}` : ''}`}
      style={{ background: colour, borderColor: stroke ?? 'transparent' }}
      aria-hidden="true"
    />
  );
}

/** A point mark. @param radius and strokeWidth in CSS pixels */
export function CircleSwatch({ colour, radius, stroke, strokeWidth }: { colour: string; radius: number; stroke: string; strokeWidth: number }) {
  return (
    <svg className="swatch swatch-circle" width="18" height="18" aria-hidden="true">
      <circle cx="9" cy="9" r={radius} fill={colour} stroke={stroke} strokeWidth={strokeWidth} />
    </svg>
  );
}

/** One step of a `Ramp`: its colour, the tick under it (its lower bound) and its full range for screen readers. */
export interface RampStep {
  colour: string;
  tick: string;
  label: string;
}

/** Class colours side by side, lower bounds as ticks; full ranges for screen readers. */
export function Ramp({ steps }: { steps: readonly RampStep[] }) {
  return (
    <ol className="ramp">
      {steps.map((s) => (
        <li key={`${s.colour}-${s.tick}`} className="ramp-step">
          <span className="ramp-swatch" style={{ background: s.colour }} aria-hidden="true" />
          <span className="ramp-tick" aria-hidden="true">
            {s.tick}
          </span>
          <span className="sr-only">{s.label}</span>
        </li>
      ))}
    </ol>
  );
}
