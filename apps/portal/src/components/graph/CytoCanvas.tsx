'use client';

/**
 * Cytoscape on a canvas, for the link graph and the fund flow. Loaded with next/dynamic (ssr: false) by the
 * pages: cytoscape needs a DOM. Elements carry their own look in their data (colour, shape, size...), so the
 * one stylesheet here serves both graphs. New elements are merged into the running graph (existing ones keep
 * their place); nothing is removed unless `resetKey` changes.
 *
 * For tests and tools that cannot read a canvas, the container carries data-node-count, data-edge-count,
 * data-ready and data-positions (rendered centre of each node, relative to the container).
 */
import cytoscape, { type Core, type ElementDefinition, type LayoutOptions } from 'cytoscape';
import { useEffect, useRef } from 'react';

export interface CytoNode {
  id: string;
  label: string;
  color: string;
  borderColor: string;
  borderWidth: number;
  borderStyle: 'solid' | 'dashed' | 'dotted' | 'double';
  shape: string;
  width: number;
  height: number;
  opacity: number;
  textColor?: string;
  /** Anything the page wants back on tap (type, caseId...). */
  [key: string]: unknown;
}

export interface CytoEdge {
  id: string;
  source: string;
  target: string;
  label: string;
  color: string;
  width: number;
  lineStyle: 'solid' | 'dashed' | 'dotted';
  arrow: 'none' | 'triangle';
  [key: string]: unknown;
}

export interface CytoHandle {
  fit(): void;
  zoomBy(factor: number): void;
  relayout(): void;
}

interface Props {
  nodes: CytoNode[];
  edges: CytoEdge[];
  layout: LayoutOptions;
  /** Changing it empties the graph and lays it out afresh (e.g. a new trace). */
  resetKey?: string;
  /** Where new nodes start before the layout moves them (the node that was expanded). */
  anchorId?: string | null;
  selectedId?: string | null;
  onTap?(id: string): void;
  onDoubleTap?(id: string): void;
  onBackgroundTap?(): void;
  onReady?(handle: CytoHandle): void;
  label: string;
  testId?: string;
  height?: number;
}

const STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(color)',
      'border-color': 'data(borderColor)',
      'border-width': 'data(borderWidth)',
      'border-style': 'data(borderStyle)' as never,
      shape: 'data(shape)' as never,
      width: 'data(width)',
      height: 'data(height)',
      opacity: 'data(opacity)' as never,
      label: 'data(label)',
      color: '#1b2430',
      'font-size': 12,
      'font-family': 'system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif',
      'text-valign': 'bottom',
      'text-halign': 'center',
      'text-margin-y': 4,
      'text-wrap': 'wrap',
      'text-max-width': '180px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '2px',
      'text-background-shape': 'roundrectangle',
    },
  },
  {
    selector: 'node:selected',
    style: { 'overlay-color': '#1f5fbf', 'overlay-opacity': 0.18, 'overlay-padding': 6 },
  },
  {
    selector: 'edge',
    style: {
      width: 'data(width)',
      'line-color': 'data(color)',
      'line-style': 'data(lineStyle)' as never,
      'curve-style': 'bezier',
      'target-arrow-shape': 'data(arrow)' as never,
      'target-arrow-color': 'data(color)',
      'arrow-scale': 1.1,
      label: 'data(label)',
      'font-size': 11,
      color: '#334155',
      'text-rotation': 'autorotate',
      'text-margin-y': -9,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.9,
      'text-background-padding': '2px',
    },
  },
];

const MAX_FIT_ZOOM = 1.25;

function toElements(nodes: CytoNode[], edges: CytoEdge[]): ElementDefinition[] {
  return [...nodes.map((data) => ({ group: 'nodes' as const, data })), ...edges.map((data) => ({ group: 'edges' as const, data }))];
}

export function CytoCanvas({ nodes, edges, layout, resetKey, anchorId, selectedId, onTap, onDoubleTap, onBackgroundTap, onReady, label, testId, height = 560 }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const layoutRef = useRef(layout);
  const callbacks = useRef({ onTap, onDoubleTap, onBackgroundTap });
  useEffect(() => {
    callbacks.current = { onTap, onDoubleTap, onBackgroundTap };
    layoutRef.current = layout;
  });

  // One cytoscape instance per mount (and per resetKey).
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const cy = cytoscape({ container: el, style: STYLE, minZoom: 0.15, maxZoom: 3, boxSelectionEnabled: false });
    cyRef.current = cy;
    if (process.env.NODE_ENV !== 'production') (window as unknown as { __cy?: Core }).__cy = cy;

    let frame = 0;
    const publish = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        el.dataset.nodeCount = String(cy.nodes().length);
        el.dataset.edgeCount = String(cy.edges().length);
        if (cy.nodes().length <= 500) {
          const positions: Record<string, { x: number; y: number }> = {};
          cy.nodes().forEach((n) => {
            const p = n.renderedPosition();
            positions[n.id()] = { x: Math.round(p.x), y: Math.round(p.y) };
          });
          el.dataset.positions = JSON.stringify(positions);
        }
      });
    };
    cy.on('tap', 'node', (e) => callbacks.current.onTap?.(e.target.id()));
    cy.on('dbltap', 'node', (e) => callbacks.current.onDoubleTap?.(e.target.id()));
    cy.on('tap', (e) => {
      if (e.target === cy) callbacks.current.onBackgroundTap?.();
    });
    cy.on('layoutstop', () => {
      // A small graph fitted to the canvas would be blown up: keep it at a readable size instead.
      if (cy.zoom() > MAX_FIT_ZOOM) {
        cy.zoom(MAX_FIT_ZOOM);
        cy.center();
      }
      el.dataset.ready = 'true';
      publish();
    });
    cy.on('viewport add remove position', publish);
    onReady?.({
      fit: () => {
        cy.fit(cy.elements(), 40);
        if (cy.zoom() > MAX_FIT_ZOOM) {
          cy.zoom(MAX_FIT_ZOOM);
          cy.center();
        }
      },
      zoomBy: (factor) => {
        const center = { x: el.clientWidth / 2, y: el.clientHeight / 2 };
        cy.zoom({ level: cy.zoom() * factor, renderedPosition: center });
      },
      relayout: () => cy.layout(layoutRef.current).run(),
    });
    return () => {
      cancelAnimationFrame(frame);
      cy.destroy();
      cyRef.current = null;
      delete el.dataset.ready;
    };
    // onReady is read once per instance on purpose.
  }, [resetKey]);

  // Merge: add what is new, refresh the data of what is there, then lay out again.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const fresh: ElementDefinition[] = [];
    for (const def of toElements(nodes, edges)) {
      const id = def.data.id as string;
      const existing = cy.getElementById(id);
      if (existing.nonempty()) existing.data(def.data);
      else fresh.push(def);
    }
    if (fresh.length === 0) return;
    const anchor = anchorId ? cy.getElementById(anchorId) : null;
    const start = anchor && anchor.nonempty() ? anchor.position() : null;
    const added = cy.add(
      fresh.map((def, i) =>
        def.group === 'nodes' && start
          ? { ...def, position: { x: start.x + 60 * Math.cos(i), y: start.y + 60 * Math.sin(i) } }
          : def,
      ),
    );
    const first = cy.nodes().length === added.nodes().length;
    cy.layout({ ...layoutRef.current, ...(first ? {} : { randomize: false, animate: true, animationDuration: 400 }) } as LayoutOptions).run();
  }, [nodes, edges, anchorId, resetKey]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.nodes(':selected').unselect();
    if (selectedId) cy.getElementById(selectedId).select();
  }, [selectedId, nodes]);

  return (
    <div ref={container} className="cy-canvas" style={{ height }} role="img" aria-label={label} data-testid={testId} />
  );
}
