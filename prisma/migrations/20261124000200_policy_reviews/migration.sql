-- AlterTable
ALTER TABLE "policy_documents" ADD COLUMN     "purpose" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "policy_versions" ADD COLUMN     "review_id" TEXT;

-- AlterTable
ALTER TABLE "policy_reviews" ADD COLUMN     "lessons" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "period_end" TIMESTAMP(3),
ADD COLUMN     "period_start" TIMESTAMP(3),
ADD COLUMN     "run_id" TEXT;

-- CreateTable
CREATE TABLE "policy_review_answers" (
    "id" TEXT NOT NULL,
    "review_id" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "author_name" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "changes" JSONB NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL,
    "decided_by" TEXT,
    "decision_note" TEXT,
    "submitted_at" TIMESTAMP(3) NOT NULL,
    "decided_at" TIMESTAMP(3),

    CONSTRAINT "policy_review_answers_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "policy_review_answers_review_id_round_key" ON "policy_review_answers"("review_id", "round");

-- CreateIndex
CREATE UNIQUE INDEX "policy_versions_review_id_document_id_key" ON "policy_versions"("review_id", "document_id");

-- CreateIndex
CREATE INDEX "policy_reviews_status_opened_at_idx" ON "policy_reviews"("status", "opened_at");

-- CreateIndex
CREATE INDEX "policy_reviews_trigger_period_end_idx" ON "policy_reviews"("trigger", "period_end");

-- CreateIndex
CREATE INDEX "policy_review_cases_case_id_idx" ON "policy_review_cases"("case_id");

-- AddForeignKey
ALTER TABLE "policy_versions" ADD CONSTRAINT "policy_versions_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "policy_reviews"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_review_answers" ADD CONSTRAINT "policy_review_answers_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "policy_reviews"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Seed: the first version of each document (later versions are published by approved policy reviews).
-- (No semicolons inside the texts: the migration runner splits statements on them.)
INSERT INTO "policy_documents" ("id", "title", "purpose") VALUES ('social-media-policy', 'Social-media policy', 'What employees may and may not do on social media, the clauses cases cite, and examples of good practice.') ON CONFLICT ("id") DO NOTHING;
INSERT INTO "policy_versions" ("id", "document_id", "number", "text", "change_summary", "author", "approver", "effective_at")
VALUES ('social-media-policy-v1', 'social-media-policy', 1, '# Social-media policy

Version 1. Owner: the social steering committee. Applies to every employee, contractor and intern, on every social-media site, whether the account is personal or run for the company.

## 1. Purpose and scope

1.1 Social media let us hear our customers, share our work and build a reputation no advertising can buy. This policy says what we expect when you use them, so that you can take part with confidence.

1.2 It covers anything you publish where the public, customers or colleagues can see it: posts, comments, photos, videos, reviews, forums, messaging groups and professional networks.

1.3 It does not limit your right to discuss your pay and working conditions with colleagues, or to report wrongdoing through the channels the law protects.

## 2. Principles

2.1 Be yourself, and be clear that you speak for yourself. Unless you are an authorised spokesperson, add "my views are my own" where your employer is visible.

2.2 Be respectful and accurate. If you make a mistake, correct it openly and quickly.

2.3 Think before you post: what you publish is public, permanent and can be copied out of context.

## 3. Speaking about the company

3.1 Only authorised spokespeople speak on the company''s behalf. Refer journalists, analysts and investors to communications.

3.2 You may disagree with decisions and discuss the company honestly, but do not disparage the company, its products, its people or its partners in public. Raise grievances through your manager, HR or the internal channels first.

3.3 Never present a personal opinion as the company''s position.

## 4. Protecting information

4.1 Do not disclose confidential information: results before they are published, plans, prices, contracts, internal discussions or anything marked internal.

4.2 Never publish customer data, in any form: names, contact details, orders, screenshots of tickets or conversations, or details from which a customer can be recognised.

4.3 Do not publish the company''s intellectual property before it is released: designs, code, product photos, roadmaps, or anything covered by a non-disclosure agreement.

## 5. Respect for others

5.1 Harassment, discrimination, threats and bullying are not accepted, online as offline, towards colleagues, customers or anyone else.

5.2 Do not publish photos or videos that are offensive, that show colleagues or customers without their consent, or that show the workplace in a way that compromises safety or security.

## 6. Judgement

6.1 When in doubt, don''t post, or ask the social-media lead first. A passing error of judgement is handled proportionately: the aim is to learn, not to punish.

6.2 If something you posted goes wrong, tell your manager or the social-media lead at once: early help limits the damage.

## 7. Positive contributions

7.1 Share what you are proud of. Content about your work that travels far is welcome, provided it respects clauses 4 and 5.

7.2 When customers tell you something useful online, pass it on to the team concerned: new insights are how we improve.

7.3 Write and speak about your expertise in your own name, avoid confidential details and say where you work when it is relevant.

7.4 Answering a customer in public is good service: acknowledge, then move to a private channel to solve the problem.

## 8. When the policy is not followed

8.1 Significant activity is reviewed by the employee''s manager, the social-media lead or the social steering committee, depending on its severity.

8.2 Measures follow the published sanctions matrix, so that the same act gets the same response for everyone, proportionate to what happened.

8.3 Content on company-controlled sites may be removed. For content elsewhere, we decide case by case whether asking for removal is worth the attention it could draw.

## 9. Keeping this policy current

9.1 After each significant case, and at least every quarter, the social-media lead and communications review this policy, the communication plan and the training material, and the steering committee approves every revision.

9.2 Every revision is announced to the whole organisation, with what changed and why.

## Examples of good practice

Examples from our own practice are added here, anonymised, as they happen.
', 'First version.', 'system', NULL, CURRENT_TIMESTAMP)
ON CONFLICT DO NOTHING;

INSERT INTO "policy_documents" ("id", "title", "purpose") VALUES ('communication-plan', 'Communication plan', 'How the policy and its revisions reach the whole organisation, through which channels, and how we respond in public.') ON CONFLICT ("id") DO NOTHING;
INSERT INTO "policy_versions" ("id", "document_id", "number", "text", "change_summary", "author", "approver", "effective_at")
VALUES ('communication-plan-v1', 'communication-plan', 1, '# Communication plan for the social-media policy

Version 1. Owner: communications, with the social-media lead.

## 1. Objectives

1.1 Every employee knows the policy exists, understands what it asks and where to get help.

1.2 Every revision reaches the whole organisation within two weeks of its approval, with what changed and why.

1.3 Good practice is shared as widely as the rules: people learn more from examples than from clauses.

## 2. Audiences

2.1 All employees, contractors and interns.

2.2 Managers, who answer their teams'' questions and handle minor cases.

2.3 New joiners, who meet the policy during onboarding.

2.4 Authorised spokespeople and community managers, who speak for the company.

## 3. Channels

3.1 The enterprise social network: the announcement of each revision, a discussion thread, and the published anonymised examples.

3.2 E-mail, for the formal notice of a revision and the request to acknowledge it.

3.3 Facilitated know-how sessions, in person or online, for each department after a major revision.

3.4 The intranet page of the policy, always showing the current version and its history.

## 4. When a revision is approved

4.1 Communications publishes a short summary of the changes on the enterprise social network and by e-mail, with a link to the full text and to the differences from the previous version.

4.2 Employees are asked to acknowledge the revised policy, and reminders follow for those who have not.

4.3 Know-how sessions are scheduled when the change affects everyday practice.

## 5. Responding in public

5.1 When employee content draws public attention, communications decides with the social-media lead whether and how the company responds, weighing the risk of drawing more attention.

5.2 Positive content may be amplified on the company''s channels with the author''s agreement.

## 6. Measuring

6.1 Acknowledgement rates per department, attendance at sessions, questions received and the number and kind of cases over time show whether the message lands.
', 'First version.', 'system', NULL, CURRENT_TIMESTAMP)
ON CONFLICT DO NOTHING;

INSERT INTO "policy_documents" ("id", "title", "purpose") VALUES ('training-material', 'Training material', 'The modules used in onboarding and know-how sessions, with anonymised examples from our own practice.') ON CONFLICT ("id") DO NOTHING;
INSERT INTO "policy_versions" ("id", "document_id", "number", "text", "change_summary", "author", "approver", "effective_at")
VALUES ('training-material-v1', 'training-material', 1, '# Training material: using social media well at work and about work

Version 1. Owner: the social-media lead, with HR. Used in onboarding, in know-how sessions and as self-study.

## Module 1: Why this matters

Social media blur the line between private and professional. A post written in a minute can reach thousands of people, including customers, and stay online for years. This module explains what the policy protects: our customers'' trust, our colleagues'' dignity and the company''s information.

## Module 2: Before you post

Ask yourself three questions:

1. Would I be comfortable if my manager, a customer and a journalist read this?
2. Does it contain anything confidential, any customer data or any unreleased work?
3. Does it show or name anyone who has not agreed to it?

If any answer worries you, don''t post, or ask the social-media lead.

## Module 3: Information we protect

Confidential information, customer data and intellectual property, with examples of each, and why a screenshot is the most common way they leak.

## Module 4: Respect online

What counts as harassment and discrimination online, how to disagree without disparaging, and what to do when you are the target.

## Module 5: When things go wrong

Tell your manager or the social-media lead early. What happens next: who reviews a case, how measures are chosen from the sanctions matrix, and why the same act gets the same response for everyone.

## Module 6: Doing it well

How to share your work, your expertise and customer feedback in a way that helps you and the company, with real examples.

## Examples of good practice

Anonymised examples from our own practice are added here as they happen.
', 'First version.', 'system', NULL, CURRENT_TIMESTAMP)
ON CONFLICT DO NOTHING;
