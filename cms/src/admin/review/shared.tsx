/** Pieces the review pages share: the comment thread of an item, badges, links, error messages. */
import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { formatDateTime, REVIEW_EVENT_LABELS, type ReviewComment, type ReviewState } from '@thads/shared';

export const STATE_BADGE: Record<ReviewState, 'secondary' | 'warning' | 'success' | 'neutral'> = {
  submitted: 'secondary',
  returned: 'warning',
  approved: 'success',
  withdrawn: 'neutral',
};

export const editUrl = (uid: string, documentId: string) => `/content-manager/collection-types/${uid}/${documentId}`;

export const errorMessage = (error: any) => error?.response?.data?.error?.message ?? 'Không thực hiện được, vui lòng thử lại.';

/** The item's history of submissions, returns and decisions, oldest first, each with who, when and the comment. */
export function CommentList({ comments }: { comments: ReviewComment[] }) {
  if (!comments.length) return null;
  return (
    <Flex tag="ol" direction="column" alignItems="stretch" gap={2} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {comments.map((c, i) => (
        <Box tag="li" key={i} background={c.event === 'return' ? 'warning100' : 'neutral100'} padding={3} hasRadius>
          <Typography variant="pi" textColor="neutral600">
            <strong>{REVIEW_EVENT_LABELS[c.event]}</strong> — {c.authorName}, {formatDateTime(c.at)}
          </Typography>
          {c.text && (
            <Typography tag="p" style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>
              {c.text}
            </Typography>
          )}
        </Box>
      ))}
    </Flex>
  );
}

export function StateBadge({ state, label }: { state: ReviewState; label: string }) {
  return <Badge variant={STATE_BADGE[state]}>{label}</Badge>;
}
