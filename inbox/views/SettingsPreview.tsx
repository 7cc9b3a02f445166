/**
 * A miniature of the messenger on a host page, in the colour, corner and
 * offset being edited. The inbox runs under `style-src 'self'`: no style=""
 * attribute anywhere; the colour and offset reach the CSS as custom properties
 * set through the CSSOM (`style.setProperty`), which CSP allows.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { LauncherPosition } from '../../protocol/index.js';
import { isHexColor, readableTextColor, SETTINGS_LIMITS } from '../../protocol/workspace-settings.js';
import { safeHttpUrl } from '../format/safe-url.js';

export interface SettingsPreviewProps {
  name: string;
  greeting: string;
  /** Used only when it is a valid hex colour; `fallbackColor` otherwise. */
  color: string;
  fallbackColor: string;
  position: LauncherPosition;
  offset: number;
  avatars: ReadonlyArray<{ name: string; url: string }>;
}

export function SettingsPreview({ name, greeting, color, fallbackColor, position, offset, avatars }: SettingsPreviewProps) {
  const stageRef = useRef<HTMLDivElement>(null);
  const [broken, setBroken] = useState<ReadonlySet<string>>(() => new Set());
  const brand = isHexColor(color) ? color : fallbackColor;
  const px = Number.isFinite(offset) ? Math.min(SETTINGS_LIMITS.launcherOffset, Math.max(0, Math.round(offset))) : 20;

  useLayoutEffect(() => {
    const stage = stageRef.current;
    if (!stage) return;
    stage.style.setProperty('--preview-brand', brand);
    stage.style.setProperty('--preview-brand-text', readableTextColor(brand));
    stage.style.setProperty('--preview-offset', `${px}px`);
  }, [brand, px]);

  const shown = avatars
    .map((a) => ({ name: a.name, src: safeHttpUrl(a.url.trim()) }))
    .filter((a): a is { name: string; src: string } => a.src !== null && !broken.has(a.src))
    .slice(0, 3);

  return (
    <figure class="preview">
      <figcaption class="settings__section-title">Preview</figcaption>
      {/* A picture of the widget, not a second copy of the form's content: hidden from assistive tech. */}
      <div class="preview__stage" ref={stageRef} aria-hidden="true">
        <div class={`preview__messenger${position === 'left' ? ' preview__messenger--left' : ''}`}>
          <div class="preview__panel">
            <div class="preview__header">
              {shown.length > 0 && (
                <div class="preview__avatars">
                  {shown.map((a) => (
                    <img
                      key={a.src}
                      class="preview__avatar"
                      src={a.src}
                      alt={a.name}
                      width={28}
                      height={28}
                      referrerpolicy="no-referrer"
                      onError={() => setBroken((prev) => new Set(prev).add(a.src))}
                    />
                  ))}
                </div>
              )}
              <p class="preview__name">{name || 'Workspace name'}</p>
              {greeting && <p class="preview__greeting">{greeting}</p>}
            </div>
            <div class="preview__body">
              <span class="preview__bubble" />
              <span class="preview__bubble preview__bubble--mine" />
            </div>
          </div>
          <span class="preview__launcher">
            <svg viewBox="0 0 24 24" fill="currentColor" aria-hidden="true">
              <path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z" />
            </svg>
          </span>
        </div>
      </div>
    </figure>
  );
}
