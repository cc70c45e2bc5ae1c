import { StrokeIcon } from '@/components/ui/stroke-icon';

export function SearchIcon() {
  return (
    <StrokeIcon size={16} className="shrink-0">
      <circle cx="11" cy="11" r="7" />
      <path d="m20 20-3.5-3.5" />
    </StrokeIcon>
  );
}
